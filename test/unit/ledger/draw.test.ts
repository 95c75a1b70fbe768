import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { canonicalize } from '../../../src/ledger/canonical-json.js';
import { sha256 } from '../../../src/ledger/hash.js';
import { computeDraw, drawSeed, DrawStream, inputsDigest, sampleSize } from '../../../src/ledger/draw.js';

const doc = fs.readFileSync(path.resolve(__dirname, '../../../docs/inspections.md'), 'utf8');
const example = JSON.parse(/```json draw-example\n([\s\S]*?)```/.exec(doc)![1]!);

describe('the draw (docs/inspections.md)', () => {
  const root = Buffer.from(example.parameters.rootHash, 'hex');
  const { agency, planId, size } = example.parameters;

  it('when the worked example of the docs is re-run, then its pre-image, seed, words, digest and targets are the ones written', () => {
    expect(sha256(Buffer.from(example.preimage, 'hex')).toString('hex')).toBe(example.seed);
    expect(drawSeed(agency, planId, size, root).toString('hex')).toBe(example.seed);
    const stream = new DrawStream(Buffer.from(example.seed, 'hex'));
    expect(example.firstWords.map(() => stream.nextWord())).toEqual(example.firstWords);
    const result = computeDraw({ ...example.parameters, rootHash: root }, example.inputs);
    expect(result).toEqual({ seed: example.seed, inputsDigest: example.inputsDigest, targets: example.targets });
    expect(inputsDigest(example.inputs)).toBe(sha256(canonicalize(example.inputs)).toString('hex'));
  });

  it('when a word is at or above the largest multiple of n below 2^32, then it is rejected and the next one read', () => {
    // n = 3: 2^32 mod 3 = 1, so the limit is 2^32 - 1 and only the word 0xffffffff is rejected
    const words = [0xffffffff, 7];
    const stream = new DrawStream(Buffer.alloc(32));
    stream.nextWord = () => words.shift()!;
    expect(stream.below(3)).toBe(1);
    expect(words).toEqual([]);
  });

  it('when any inputs are drawn, then the targets are distinct candidates, as many as asked, with distinct inspectors free of conflicts', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[A-Z][0-9]{1,3}$/), { minLength: 1, maxLength: 30 }),
        fc.uniqueArray(fc.stringMatching(/^o[0-9]{1,3}$/), { minLength: 4, maxLength: 12 }),
        fc.integer({ min: 1, max: 40 }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        (subjects, officers, count, rootHash) => {
          const conflicts = subjects.slice(0, 3).map((s, i) => [s, officers[i]!] as const);
          const parameters = { agency: 'a', planId: 'p', size: 9, rootHash, sample: { count }, inspectorsPerTarget: 2 };
          const { targets } = computeDraw(parameters, { subjects, officers, conflicts });
          expect(targets).toHaveLength(sampleSize({ count }, subjects.length));
          expect(new Set(targets.map((t) => t.subjectId)).size).toBe(targets.length);
          for (const t of targets) {
            expect(subjects).toContain(t.subjectId);
            expect(new Set(t.inspectors).size).toBe(2);
            for (const o of t.inspectors) expect(conflicts).not.toContainEqual([t.subjectId, o]);
          }
          // the same inputs in another order draw the same: the inputs are put in their canonical form first
          const again = computeDraw(parameters, {
            subjects: [...subjects].reverse(),
            officers: [...officers].reverse(),
            conflicts,
          });
          expect(again.targets).toEqual(targets);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('when a percentage is asked, then it is rounded up and never above the candidates', () => {
    expect(sampleSize({ percent: 10 }, 31)).toBe(4);
    expect(sampleSize({ percent: 100 }, 7)).toBe(7);
    expect(sampleSize({ count: 9 }, 7)).toBe(7);
  });
});
