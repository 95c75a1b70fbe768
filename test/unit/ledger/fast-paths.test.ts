import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { canonicalize, isCanonicalText } from '../../../src/ledger/canonical-json.js';
import { CompactRange, leafHash, type TreeNodes } from '../../../src/ledger/merkle.js';
import { inclusionProof, inclusionVerifier, verifyInclusion } from '../../../src/ledger/merkle-proofs.js';

// The bundle verifier's shortcuts must give exactly the answers of the plain functions they stand in for.

/** The value the verifier has of a text: the fatal UTF-8 decoder drops a byte-order mark before parsing. */
const parsed = (text: string): unknown => JSON.parse(text.replace(/^\ufeff/, ''));

/** The plain answer: canonicalize the parsed value and compare (false where it throws). */
function plainlyCanonical(text: string): boolean {
  try {
    return canonicalize(parsed(text)) === text;
  } catch {
    return false;
  }
}

describe('isCanonicalText', () => {
  it.each([
    '{"a":1,"b":[true,false,null],"c":{"d":"e"}}',
    '{"b":1,"a":2}',
    '{"1":1,"a":2}',
    '{"10":1,"9":2}',
    '{"9":2,"10":1}',
    '{"a":1,"a":2}',
    '{"a":1}\n',
    ' {"a":1}',
    '{"a": 1}',
    '{"a":1.0}',
    '{"a":1e2}',
    '{"a":100}',
    '{"a":-0}',
    '{"a":1e999}',
    '{"a":"\\u00e9"}',
    '{"a":"é"}',
    '{"a":"\\ud83d\\ude00"}',
    '{"a":"😀"}',
    '{"a":"\\ud800"}',
    '{"a":"\\\\ud800"}',
    '{"\\ud800":1}',
    '{"a":"\\/"}',
    '{"a":"\\u001f"}',
    '{"a":"\\u001F"}',
    '{"":0,"a":[{"z":1,"y":2}]}',
    '{"a":[{"y":2,"z":1}],"b":{}}',
    '{"__proto__":1}',
    '\ufeff{"a":1}',
    '[1,2,3]',
    '"text"',
    '12',
  ])('%s: the same answer as canonicalize', (text) => {
    expect(isCanonicalText(text, parsed(text))).toBe(plainlyCanonical(text));
  });

  it('agrees with canonicalize on any JSON value, written canonically or not', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, sorted) => {
        const text = sorted ? canonicalize(JSON.parse(JSON.stringify(value))) : JSON.stringify(value);
        expect(isCanonicalText(text, JSON.parse(text))).toBe(plainlyCanonical(text));
      }),
      { numRuns: 500 },
    );
  });
});

describe('inclusionVerifier', () => {
  function tree(size: number) {
    const levels: Buffer[][] = [];
    const range = new CompactRange();
    const leaves: Buffer[] = [];
    for (let i = 0; i < size; i++) {
      const leaf = leafHash(randomBytes(32));
      leaves.push(leaf);
      for (const n of range.append(leaf)) (levels[n.level] ??= [])[n.index] = n.hash;
    }
    const nodes: TreeNodes = { node: (level, index) => levels[level]![index]! };
    return { leaves, nodes, root: range.root() };
  }

  it('gives the answers of verifyInclusion, for good and tampered proofs alike, in any order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 70 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('none', 'leaf', 'element', 'index', 'short', 'long')), {
          minLength: 1,
          maxLength: 40,
        }),
        (size, asks) => {
          const { leaves, nodes, root } = tree(size);
          const included = inclusionVerifier(size, root);
          for (const [a, b, tamper] of asks) {
            const index = a % size;
            let leaf = leaves[index]!;
            let at = index;
            let proof = inclusionProof(index, size, nodes);
            if (tamper === 'leaf') leaf = leaves[(index + 1) % size]!;
            if (tamper === 'element' && proof.length > 0) {
              proof = proof.map((h, k) => (k === b % proof.length ? Buffer.from(randomBytes(32)) : h));
            }
            if (tamper === 'index') at = (index + 1 + (b % size)) % (size + 1);
            if (tamper === 'short') proof = proof.slice(1);
            if (tamper === 'long') proof = [...proof, leaves[0]!];
            expect(included(leaf, at, proof)).toBe(verifyInclusion(leaf, at, size, proof, root));
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
