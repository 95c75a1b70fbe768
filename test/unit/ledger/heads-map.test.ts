import { createHash } from 'node:crypto';
import fc from 'fast-check';
import {
  EMPTY_HEADS_ROOT,
  headKey,
  headLeafHash,
  headNodeHash,
  headProof,
  headsRoot,
  headsRootOf,
  nextHeadsPath,
  verifyHeadProof,
  type HeadsPath,
  type StreamHead,
} from '../../../src/ledger/heads-map.js';

/** A map built leaf by leaf as the projection builds it, with the heads as they stood at every size. */
function build(leaves: readonly { stream: string; head: string }[]) {
  const paths = new Map<number, HeadsPath>();
  const read = (size: number) => paths.get(size);
  const revisions = new Map<string, number>();
  const history: Map<string, StreamHead>[] = [new Map()];
  leaves.forEach(({ stream, head }, i) => {
    const revision = (revisions.get(stream) ?? -1) + 1;
    revisions.set(stream, revision);
    paths.set(i + 1, nextHeadsPath(read, i + 1, stream, revision, head));
    history.push(new Map(history[i]!).set(stream, { revision, head }));
  });
  return { read, history };
}

const hashOf = (text: string) => createHash('sha256').update(text).digest('hex');
const leaves = (streams: string[]) => streams.map((stream, i) => ({ stream, head: hashOf(`${stream}/${i}`) }));

describe('the map of stream heads', () => {
  it('when the log is empty, then the root is 32 zero bytes and every stream is absent', () => {
    const { read } = build([]);
    expect(headsRoot(read, 0)).toEqual(EMPTY_HEADS_ROOT);
    expect(verifyHeadProof(headProof(read, 0, 'case-a:1'), EMPTY_HEADS_ROOT)).toBeNull();
  });

  it('when streams are appended in any order, then the root at every size equals the root computed from scratch, and every head proves', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('case-a:1', 'case-a:2', 'access-a:1', 'officer-x', 'registry', 'b', 'c', 'd', 'e'), {
          maxLength: 40,
        }),
        (streams) => {
          const { read, history } = build(leaves(streams));
          history.forEach((heads, size) => {
            const root = headsRoot(read, size);
            expect(root).toEqual(headsRootOf(heads));
            for (const stream of [
              'case-a:1',
              'case-a:2',
              'access-a:1',
              'officer-x',
              'registry',
              'b',
              'c',
              'd',
              'e',
              'z',
            ]) {
              const proven = verifyHeadProof(headProof(read, size, stream), root);
              expect(proven).toEqual(heads.get(stream) ?? null);
            }
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('when many distinct streams are added, then proofs at many sizes still match the from-scratch roots', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 400 }), (ids) => {
        const streams = ids.map((id) => `case-agency:${id}`);
        const { read, history } = build(leaves(streams));
        for (const size of [0, 1, Math.floor(streams.length / 2), streams.length]) {
          const root = headsRoot(read, size);
          expect(root).toEqual(headsRootOf(history[size]!));
          const proof = headProof(read, size, streams[0]!);
          expect(verifyHeadProof(proof, root)).toEqual(history[size]!.get(streams[0]!) ?? null);
        }
      }),
      { numRuns: 25 },
    );
  });

  describe('a proof', () => {
    const { read } = build(leaves(['case-a:1', 'case-a:2', 'case-a:1', 'access-a:1', 'case-a:3', 'case-a:1']));
    const root = headsRoot(read, 6);
    const proof = headProof(read, 6, 'case-a:1');

    it('when it is as made, then it gives the stream revision and head', () => {
      expect(verifyHeadProof(proof, root)).toEqual({ revision: 2, head: proof.head });
      expect(proof.revision).toBe(2);
    });

    it('when it names another revision, then it does not verify', () => {
      expect(verifyHeadProof({ ...proof, revision: 1 }, root)).toBeUndefined();
    });

    it('when it names another head hash, then it does not verify', () => {
      expect(verifyHeadProof({ ...proof, head: hashOf('other') }, root)).toBeUndefined();
    });

    it('when it claims the stream is absent, then it does not verify', () => {
      const { revision: _r, head: _h, ...absent } = proof;
      expect(verifyHeadProof(absent, root)).toBeUndefined();
    });

    it('when it is checked against the root of an earlier size, then it does not verify', () => {
      expect(verifyHeadProof(proof, headsRoot(read, 5))).toBeUndefined();
    });

    it('when a sibling is changed, then it does not verify', () => {
      const siblings = proof.siblings.map((s) => (s === null ? Buffer.alloc(32, 1).toString('base64') : s));
      expect(proof.siblings.length).toBeGreaterThan(0);
      expect(
        verifyHeadProof({ ...proof, siblings: [...siblings.slice(0, -1), EMPTY_HEADS_ROOT.toString('base64')] }, root),
      ).toBeUndefined();
    });

    it('when it is of a stream the map does not hold, then it proves the absence', () => {
      const absent = headProof(read, 6, 'case-a:404');
      expect(absent.revision).toBeUndefined();
      expect(verifyHeadProof(absent, root)).toBeNull();
    });

    it('when it is malformed, then it does not verify and does not throw', () => {
      for (const bad of [
        null,
        1,
        'x',
        {},
        { stream: 'a' },
        { stream: 'a', siblings: ['x'] },
        { ...proof, revision: -1 },
      ]) {
        expect(verifyHeadProof(bad, root)).toBeUndefined();
      }
    });
  });
});

describe('the leaf hash', () => {
  it('when the revision needs more than 32 bits, then it is written as 8 bytes big-endian, as the format says', () => {
    const key = Buffer.alloc(32, 1);
    const head = Buffer.alloc(32, 2);
    const revision = 2 ** 40 + 5;
    const input = Buffer.concat([Buffer.from([0x02]), key, Buffer.from('0000010000000005', 'hex'), head]);
    expect(headLeafHash(key, revision, head)).toEqual(createHash('sha256').update(input).digest());
  });
});

describe('the map of a log of the SM2 suite', () => {
  const sm3 = (data: Uint8Array) => createHash('sm3').update(data).digest();

  it('when built with SM3, then its root is the one recomputed with SM3 from scratch, and its proofs hold only with SM3', () => {
    const streams = ['case-a:1', 'case-a:2', 'access-a:1', 'case-a:1', 'case-b:9'];
    const paths = new Map<number, HeadsPath>();
    const read = (size: number) => paths.get(size);
    const heads = new Map<string, StreamHead>();
    streams.forEach((stream, i) => {
      const revision = (heads.get(stream)?.revision ?? -1) + 1;
      const head = sm3(Buffer.from(`${stream}/${i}`)).toString('hex');
      paths.set(i + 1, nextHeadsPath(read, i + 1, stream, revision, head, sm3));
      heads.set(stream, { revision, head });
    });
    const root = headsRoot(read, streams.length);
    expect(root).toEqual(headsRootOf(heads, sm3));
    expect(root).not.toEqual(headsRootOf(heads));
    const proof = headProof(read, streams.length, 'case-a:1', sm3);
    expect(verifyHeadProof(proof, root, sm3)).toEqual(heads.get('case-a:1'));
    expect(verifyHeadProof(proof, root)).toBeUndefined();
    expect(verifyHeadProof(headProof(read, streams.length, 'case-z:0', sm3), root, sm3)).toBeNull();
  });

  it('when a leaf, a node and a key are hashed with SM3, then they are SM3 of the bytes the format names', () => {
    const key = headKey('case-a:1', sm3);
    expect(key).toEqual(sm3(Buffer.from('case-a:1', 'utf8')));
    const head = Buffer.alloc(32, 2);
    const leafInput = Buffer.concat([Buffer.from([0x02]), key, Buffer.from('0000000000000007', 'hex'), head]);
    expect(headLeafHash(key, 7, head, sm3)).toEqual(sm3(leafInput));
    const [l, r] = [Buffer.alloc(32, 3), Buffer.alloc(32, 4)];
    expect(headNodeHash(l, r, sm3)).toEqual(sm3(Buffer.concat([Buffer.from([0x03]), l, r])));
  });
  describe('a stored path', () => {
    const streams = ['case-a:1', 'case-a:2', 'access-a:1', 'case-a:1', 'case-b:9', 'case-c:3'];
    const { read } = build(leaves(streams));
    const last = read(streams.length)!;

    it('when stored, then its hashes are one string each and its siblings hold the sizes they last changed at', () => {
      expect(typeof last.s).toBe('string');
      expect(typeof last.h).toBe('string');
      expect(last.s).toHaveLength(44 * last.z.length);
      expect(last.h).toHaveLength(44 * (last.z.length + 1));
      expect(Buffer.from(last.h.slice(0, 44), 'base64')).toEqual(headsRoot(read, streams.length));
      for (const size of last.z) expect(size).toBeLessThan(streams.length);
    });

    it("when it lacks a node's hash, then reading the map at its size throws rather than giving a root", () => {
      const broken = (size: number) => (size === streams.length ? { ...last, h: last.h.slice(0, -44) } : read(size));
      expect(() => headsRoot(broken, streams.length)).toThrow('lacks the hashes of its nodes');
      expect(() => headProof(broken, streams.length, 'case-a:2')).toThrow('lacks the hashes of its nodes');
    });

    it('when it is of the earlier layout (arrays), then reading it throws rather than misreading it', () => {
      const earlier = (size: number) => (size === streams.length ? ({ ...last, s: [], h: [] } as never) : read(size));
      expect(() => headProof(earlier, streams.length, 'case-a:2')).toThrow('not one of this layout');
    });

    it('when a sibling names a size not before its own, then a walk through it throws rather than looping', () => {
      const z = last.z.map((size) => (size === 0 ? 0 : streams.length));
      const looping = (size: number) => (size === streams.length ? { ...last, z } : read(size));
      expect(z.some((size) => size === streams.length)).toBe(true);
      expect(() => {
        for (const stream of streams) headProof(looping, streams.length, stream);
      }).toThrow('names size');
    });
  });
});
