import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import {
  accessStreamOf,
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_V1,
  BUNDLE_FORMAT_V2,
  caseStreamOf,
  classify,
  manifestBodySigningInput,
  manifestBytes,
  manifestSigningInput,
  revisionName,
  signManifest,
  type BundleFileKind,
  type BundleFormat,
  type BundleManifest,
} from '../../../src/ledger/bundle.js';
import { readManifest } from '../../../src/ledger/bundle-manifest-read.js';
import {
  decodeProof,
  MAX_FILE_NESTING,
  mayNestDeeperThan,
  nestedDeeperThan,
} from '../../../src/ledger/bundle-parse.js';
import { BASE64_32, decodeHash, isHashBase64, proofChecker } from '../../../src/ledger/bundle-proofs.js';
import { canonicalize, isCanonicalText } from '../../../src/ledger/canonical-json.js';
import { CompactRange, leafHash, type TreeNodes } from '../../../src/ledger/merkle.js';
import { inclusionProof, inclusionVerifier, verifyInclusion } from '../../../src/ledger/merkle-proofs.js';
import { isSha256Hex } from '../../../src/ledger/hash.js';
import { SUITES } from '../../../src/ledger/suite.js';
import { checksumOf } from '../../../src/ledger/tar.js';
import { firstNonZero } from '../../../src/ledger/tar-reader.js';
import { utf8Text } from '../../../src/ledger/utf8.js';
import { isBase64Text, isLowerUuid } from '../../../src/ledger/verify.js';
import { testPrivateKey } from '../../support/suite.js';

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
    '{"a":"x\\"y"}',
    '{"a":"\\\\"}',
    '{"a":"\\\\\\\\"}',
    '{"a":"\\n","b":"\\t"}',
    '{"a\\"":1}',
    '{"\\\\":"\\b"}',
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

/** A tree of `size` random leaves: the leaves, its nodes and its root. */
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

describe('inclusionVerifier', () => {
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

describe('utf8Text', () => {
  const fatal = new TextDecoder('utf-8', { fatal: true });
  const plainly = (bytes: Uint8Array): string | undefined => {
    try {
      return fatal.decode(bytes);
    } catch {
      return undefined;
    }
  };

  it.each([
    ['empty', []],
    ['a byte-order mark', [0xef, 0xbb, 0xbf, 0x7b, 0x7d]],
    ['two byte-order marks', [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]],
    ['an overlong slash', [0xc0, 0xaf]],
    ['a UTF-8 surrogate', [0xed, 0xa0, 0x80]],
    ['beyond U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a cut sequence', [0xe4, 0xb8]],
    ['Chinese text', [...Buffer.from('现场照片', 'utf8')]],
  ])('when the bytes are %s, then the answer of a fatal TextDecoder', (_what, bytes) => {
    expect(utf8Text(Uint8Array.from(bytes))).toEqual(plainly(Uint8Array.from(bytes)));
  });

  it('when given any bytes, then the answer of a fatal TextDecoder', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.boolean(), (bytes, bom) => {
        const input = bom ? Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]) : bytes;
        expect(utf8Text(input)).toEqual(plainly(input));
        expect(utf8Text(Buffer.from(input))).toEqual(plainly(input));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('nestedDeeperThan', () => {
  /** The plain definition: the depth of the deepest array or object, the outermost at depth 0. */
  const depth = (value: unknown): number =>
    typeof value !== 'object' || value === null
      ? -1
      : 1 + Math.max(-1, ...Object.values(value as Record<string, unknown>).map(depth));

  it('when a value nests exactly to the limit or one deeper, then only the deeper one is refused', () => {
    const nest = (levels: number) => JSON.parse('['.repeat(levels) + ']'.repeat(levels)) as unknown;
    expect(nestedDeeperThan(nest(MAX_FILE_NESTING), MAX_FILE_NESTING)).toBe(false);
    expect(nestedDeeperThan(nest(MAX_FILE_NESTING + 1), MAX_FILE_NESTING)).toBe(true);
    expect(nestedDeeperThan(nest(100_000), MAX_FILE_NESTING)).toBe(true);
  });

  it('when given any JSON value, then it agrees with the depth of the value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 9 }), (value, limit) => {
        expect(nestedDeeperThan(value, limit)).toBe(depth(value) >= limit);
      }),
      { numRuns: 500 },
    );
  });
});

describe('mayNestDeeperThan', () => {
  it('when a text nests exactly to the limit or one deeper, then only the deeper one may', () => {
    const nest = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
    expect(mayNestDeeperThan(nest(MAX_FILE_NESTING), MAX_FILE_NESTING)).toBe(false);
    expect(mayNestDeeperThan(nest(MAX_FILE_NESTING + 1), MAX_FILE_NESTING)).toBe(true);
    expect(mayNestDeeperThan(`{"a":${nest(MAX_FILE_NESTING)}}`, MAX_FILE_NESTING)).toBe(true);
  });

  it('when brackets stand inside strings, then they count: the answer errs only towards walking the value', () => {
    expect(mayNestDeeperThan('["[{["]', 2)).toBe(true);
    expect(nestedDeeperThan(JSON.parse('["[{["]'), 2)).toBe(false);
  });

  it('when given any JSON text, then a value that nests deeper than the limit is never let through', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 8 }),
        fc.integer({ min: 0, max: 9 }),
        fc.boolean(),
        (value, limit, pretty) => {
          const text = pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value);
          if (nestedDeeperThan(JSON.parse(text), limit)) expect(mayNestDeeperThan(text, limit)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("a tree's hashes of base64 and hex text", () => {
  it('when given hashes as text, then the leaf and node hashes of their bytes, in base64', () => {
    for (const suite of Object.values(SUITES)) {
      for (let i = 0; i < 50; i++) {
        const [a, b] = [randomBytes(32), randomBytes(32)];
        expect(suite.tree.leafOfHex(a.toString('hex'))).toBe(suite.tree.leaf(a).toString('base64'));
        expect(suite.tree.nodeOfBase64(a.toString('base64'), b.toString('base64'))).toBe(
          suite.tree.node(a, b).toString('base64'),
        );
      }
      expect(() => suite.tree.leafOfHex('ab')).toThrow(TypeError);
      expect(() => suite.tree.nodeOfBase64('AA==', randomBytes(32).toString('base64'))).toThrow(TypeError);
    }
  });
});

describe('decodeHash', () => {
  /** The plain definition: the pattern of canonical base64 of 32 bytes, then a decode that encodes back to the text. */
  function plainly(text: unknown): Buffer | undefined {
    if (typeof text !== 'string' || !BASE64_32.test(text)) return undefined;
    const bytes = Buffer.from(text, 'base64');
    return bytes.toString('base64') === text ? bytes : undefined;
  }

  it('when given hashes, hashes written otherwise and anything else, then the plain answers', () => {
    const hash = randomBytes(32).toString('base64');
    const texts: unknown[] = [
      hash,
      `${hash.slice(0, 42)}${'BFJNRVZdhlptx159'['AEIMQUYcgkosw048'.indexOf(hash[42]!)] ?? 'B'}=`,
      `${hash.slice(0, 43)}`,
      `${hash}=`,
      ` ${hash.slice(1)}`,
      `${hash.slice(0, 20)}\n${hash.slice(22)}`,
      `${hash.slice(0, 20)}-_${hash.slice(22)}`,
      `${hash.slice(0, 42)}==`,
      `${hash.slice(0, 40)}====`,
      randomBytes(33).toString('base64').slice(0, 44),
      'A'.repeat(44),
      '='.repeat(44),
      Buffer.from(hash, 'base64'),
      32,
      null,
    ];
    for (const text of texts) {
      expect(decodeHash(text)).toEqual(plainly(text));
      expect(isHashBase64(text)).toBe(plainly(text) !== undefined);
    }
  });

  it('when given any 44 characters of base64 and a few others, then the plain answer', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_ .é';
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { minLength: 42, maxLength: 46 }), (chars) => {
        const text = chars.join('');
        expect(decodeHash(text)).toEqual(plainly(text));
        expect(isHashBase64(text)).toBe(plainly(text) !== undefined);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('classify', () => {
  /** The plain definition: one pattern per kind, tried in turn. */
  function plainly(name: string): BundleFileKind | undefined {
    if (name === 'checkpoint.txt') return { kind: 'checkpoint' };
    if (name === 'consistency.json') return { kind: 'consistency' };
    let m = /^(events|access)\/([0-9]{8,15})\.json$/.exec(name);
    if (m) {
      const revision = Number(m[2]);
      if (revisionName(revision) !== m[2]) return undefined;
      return { kind: m[1] === 'events' ? 'event' : 'access', revision };
    }
    if ((m = /^media\/([0-9a-f]{64})$/.exec(name))) return { kind: 'media', sha256: m[1]! };
    if ((m = /^keys\/([0-9a-f]{64})\.pem$/.exec(name))) return { kind: 'key', keyId: m[1]! };
    if ((m = /^officers\/([0-9a-f]{64})\/([01])\.json$/.exec(name))) {
      return { kind: 'officer-key', keyId: m[1]!, index: Number(m[2]) };
    }
    if ((m = /^officers\/([0-9a-f]{64})\/key\/([0-9]{8,15})\.json$/.exec(name))) {
      const revision = Number(m[2]);
      return revisionName(revision) === m[2] ? { kind: 'officer-key-stream', keyId: m[1]!, revision } : undefined;
    }
    m = /^proofs\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.json$/.exec(name);
    return m ? { kind: 'proof', eventId: m[1]! } : undefined;
  }
  const hex = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${n}}$`));
  const names = fc.oneof(
    fc.constantFrom('checkpoint.txt', 'consistency.json', 'manifest.json', 'events/00000001.json', 'events/1.json'),
    fc
      .tuple(fc.constantFrom('events/', 'access/', 'event/', 'proofs/'), fc.stringMatching(/^[0-9]{0,16}$/))
      .map(([folder, digits]) => `${folder}${digits}.json`),
    hex(64).map((h) => `media/${h}`),
    hex(64).map((h) => `keys/${h}.pem`),
    fc
      .tuple(
        hex(64),
        fc.constantFrom('0.json', '1.json', '2.json', 'key/', 'keys/', ''),
        fc.stringMatching(/^[0-9]{0,16}$/),
      )
      .map(([h, tail, digits]) => `officers/${h}/${tail}${tail.endsWith('/') ? `${digits}.json` : ''}`),
    fc.uuid().map((id) => `proofs/${id}.json`),
    fc
      .tuple(fc.constantFrom('events/', 'access/', 'media/', 'keys/', 'proofs/', 'officers/', 'e', ''), fc.string())
      .map(([a, b]) => a + b),
  );

  it('when given any name, then the answer of one pattern per kind', () => {
    fc.assert(
      fc.property(names, (name) => {
        expect(classify(name)).toEqual(plainly(name));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('proofChecker', () => {
  /** The plain answer: decode every element (canonical base64 of 32 bytes, else false), then verifyInclusion. */
  function plainly(leaf: Buffer, index: number, size: number, proof: unknown[], root: Buffer): boolean {
    const decoded = decodeProof(proof);
    return decoded !== undefined && verifyInclusion(leaf, index, size, decoded, root);
  }

  it('when asked of good and tampered proofs as text, in leaf order or any order, then the plain answers', () => {
    const tampers = ['none', 'leaf', 'element', 'index', 'short', 'long', 'not-canonical', 'not-text', 'padding'];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 70 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...tampers)), { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        (size, asks, inOrder) => {
          const { leaves, nodes, root } = tree(size);
          const check = proofChecker(size, root);
          const ordered = inOrder ? [...asks].sort((x, y) => (x[0] % size) - (y[0] % size)) : asks;
          for (const [a, b, tamper] of ordered) {
            const index = a % size;
            let leaf = leaves[index]!;
            let at = index;
            let proof: unknown[] = inclusionProof(index, size, nodes).map((h) => h.toString('base64'));
            const k = proof.length > 0 ? b % proof.length : 0;
            if (tamper === 'leaf') leaf = leaves[(index + 1) % size]!;
            if (tamper === 'element' && proof.length > 0) proof[k] = randomBytes(32).toString('base64');
            if (tamper === 'index') at = (index + 1 + (b % size)) % (size + 1);
            if (tamper === 'short') proof = proof.slice(1);
            if (tamper === 'long') proof = [...proof, leaves[0]!.toString('base64')];
            // the same bytes written otherwise: a last character with bits the decoder drops
            if (tamper === 'not-canonical' && proof.length > 0) {
              const text = proof[k] as string;
              const last = 'AEIMQUYcgkosw048'.indexOf(text[42]!);
              proof[k] = `${text.slice(0, 42)}${'BFJNRVZdhlptx159'[last] ?? text[42]}=`;
            }
            if (tamper === 'not-text' && proof.length > 0) proof[k] = Buffer.from(proof[k] as string, 'base64');
            if (tamper === 'padding' && proof.length > 0) proof[k] = `${proof[k] as string}=`;
            expect(check(leaf, at, proof)).toBe(plainly(leaf, at, size, proof, root));
            // the leaf as a proof file states it, and written otherwise
            const text = leaf.toString('base64');
            expect(check(text, at, proof)).toBe(plainly(leaf, at, size, proof, root));
            expect(check(`${text.slice(0, 42)}${text[42] === 'B' ? 'C' : 'B'}=`, at, proof)).toBe(false);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('readManifest: the signed body', () => {
  /** A signed manifest of `format`, its case named with characters of several UTF-8 lengths. */
  function manifestOf(format: BundleFormat, suite: (typeof SUITES)[keyof typeof SUITES]): BundleManifest {
    const bundleCase = { ...(format === BUNDLE_FORMAT ? { agency: 'county-justice' } : {}), caseId: 'é-案-😀-1' };
    const sha256 = '0'.repeat(64);
    return signManifest(
      {
        format,
        ...bundleCase,
        createdAt: '2026-12-03T00:00:00.000Z',
        checkpoint: { origin: 'log.example/案', size: 3, rootHash: randomBytes(32).toString('base64') },
        files: [
          { name: 'checkpoint.txt', size: 10, sha256 },
          { name: 'events/00000000.json', size: 20, sha256 },
        ],
        ...(format === BUNDLE_FORMAT_V1
          ? {}
          : {
              streams: [
                { stream: caseStreamOf(bundleCase), revision: 0 },
                { stream: accessStreamOf(bundleCase), revision: -1 },
              ],
            }),
      },
      suite.signer(testPrivateKey(suite)),
    );
  }

  it.each([
    [BUNDLE_FORMAT_V1, 'ed25519'],
    [BUNDLE_FORMAT_V2, 'ed25519'],
    [BUNDLE_FORMAT, 'ed25519'],
    [BUNDLE_FORMAT, 'sm2'],
  ] as const)(
    'when a %s manifest is signed in the %s suite, then its pieces are its canonical form without signature',
    (format, suiteName) => {
      const suite = SUITES[suiteName];
      const manifest = manifestOf(format, suite);
      const { signature: _signature, ...body } = manifest;
      const read = readManifest(manifestBytes(manifest), {});
      expect(Buffer.concat(read.signedBody!).toString('utf8')).toBe(canonicalize(body));
      expect(manifestBodySigningInput(format, read.signedBody!, suite)).toEqual(manifestSigningInput(manifest, suite));
    },
  );

  it('when hashed in pieces, then the hash of the pieces joined, in both suites', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 5 }), (pieces) => {
        for (const suite of Object.values(SUITES)) {
          expect(suite.hashHexOf(pieces)).toBe(suite.hashHex(Buffer.concat(pieces)));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("the tar reader's word-at-a-time loops", () => {
  /** Bytes at any offset of a larger buffer, so that both aligned and unaligned views are met. */
  const placed = fc.tuple(fc.uint8Array({ minLength: 0, maxLength: 1100 }), fc.nat(7)).map(([bytes, shift]) => {
    const room = Buffer.alloc(bytes.length + shift);
    room.set(bytes, shift);
    return room.subarray(shift);
  });
  /** Mostly zeros, as padding and end blocks are, with a few bytes set anywhere. */
  const sparse = fc
    .tuple(
      fc.nat(1100),
      fc.array(fc.tuple(fc.nat(1099), fc.integer({ min: 1, max: 255 })), { maxLength: 3 }),
      fc.nat(7),
    )
    .map(([length, set, shift]) => {
      const room = Buffer.alloc(length + shift);
      for (const [at, value] of set) if (at < length) room[shift + at] = value;
      return room.subarray(shift);
    });

  it('when summing any header at any alignment, then the sum of its bytes with the checksum field as spaces', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 512, maxLength: 512 }), fc.nat(7), fc.nat(7), (header, at, shift) => {
        const room = Buffer.alloc(shift + at + 512);
        room.set(header, shift + at);
        const bytes = room.subarray(shift);
        let plain = 8 * 0x20;
        for (let i = at; i < at + 512; i++) if (i < at + 148 || i >= at + 156) plain += bytes[i]!;
        expect(checksumOf(bytes, at)).toBe(plain);
      }),
      { numRuns: 500 },
    );
    const full = new Uint8Array(1024).fill(255);
    expect(checksumOf(full, 512)).toBe(504 * 255 + 8 * 0x20);
  });

  it('when looking for the first non-zero byte of any span, then the index a byte-by-byte scan finds', () => {
    fc.assert(
      fc.property(fc.oneof(placed, sparse), fc.nat(1100), fc.nat(1100), (bytes, a, b) => {
        const from = Math.min(a, b, bytes.length);
        const to = Math.min(Math.max(a, b), bytes.length);
        let plain = -1;
        for (let i = from; i < to && plain < 0; i++) if (bytes[i] !== 0) plain = i;
        expect(firstNonZero(bytes, from, to)).toBe(plain);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the table-driven text checks', () => {
  /** Strings of the given characters and a few others, of lengths around `length`. */
  const near = (alphabet: string, length: number) =>
    fc.oneof(
      fc.array(fc.constantFrom(...alphabet), { minLength: length - 2, maxLength: length + 2 }).map((cs) => cs.join('')),
      fc
        .tuple(
          fc.array(fc.constantFrom(...alphabet), { minLength: length, maxLength: length }),
          fc.nat(length - 1),
          fc.constantFrom('G', 'A', 'z', '=', '-', '_', ' ', '\n', 'é', '\u0130', '\u{1F600}', '\u0000', '\uff10'),
        )
        .map(([cs, at, c]) => {
          cs[at] = c;
          return cs.join('');
        }),
      fc.string({ maxLength: length + 2 }),
      fc.string({ unit: 'binary', maxLength: length + 2 }),
    );

  it('when given any value, then isSha256Hex answers as /^[0-9a-f]{64}$/', () => {
    fc.assert(
      fc.property(near('0123456789abcdef', 64), (text) => {
        expect(isSha256Hex(text)).toBe(/^[0-9a-f]{64}$/.test(text));
      }),
      { numRuns: 3000 },
    );
    for (const other of [undefined, null, 7, ['0'.repeat(64)], { length: 64 }]) expect(isSha256Hex(other)).toBe(false);
  });

  it('when given any text, then isLowerUuid answers as the pattern of a lowercase UUID', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    const uuids = fc
      .uuid()
      .chain((id) =>
        fc
          .tuple(fc.nat(35), fc.constantFrom('-', 'G', 'A', '0', ' ', 'é', '\u0000'))
          .map(([at, c]) => [id, id.slice(0, at) + c + id.slice(at + 1), id.toUpperCase(), `${id}0`, id.slice(1)]),
      );
    fc.assert(
      fc.property(
        fc.oneof(
          uuids,
          near('0123456789abcdef-', 36).map((t) => [t]),
        ),
        (texts) => {
          for (const text of texts) expect(isLowerUuid(text)).toBe(uuid.test(text));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('when given any text, then isBase64Text answers as /^[A-Za-z0-9+/]*={0,2}$/', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=';
    fc.assert(
      fc.property(fc.oneof(near(alphabet, 88), near(alphabet, 4), near('A=', 4)), (text) => {
        expect(isBase64Text(text)).toBe(/^[A-Za-z0-9+/]*={0,2}$/.test(text));
      }),
      { numRuns: 3000 },
    );
    for (const text of ['', '=', '==', '===', 'QQ==', 'QQ===', 'Q=Q=', 'QQ==\n']) {
      expect(isBase64Text(text)).toBe(/^[A-Za-z0-9+/]*={0,2}$/.test(text));
    }
  });
});
