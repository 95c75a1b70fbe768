import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  verify,
  type KeyObject,
} from 'node:crypto';
import fc from 'fast-check';
import {
  checkpointBody,
  noteKeyHash,
  openNote,
  parseCheckpoint,
  signNote,
  verifierKey,
} from '../../../src/ledger/checkpoint.js';
import { ed25519Signer, type Signer } from '../../../src/ledger/ed25519.js';
import { leafHash, rootOf } from '../../../src/ledger/merkle.js';

// ---------------------------------------------------------------------------------------------------------------
// An independent verifier written from the spec text alone (C2SP/C2SP signed-note.md and tlog-checkpoint.md),
// sharing no code with src/ledger/checkpoint.ts. Keys are rebuilt from raw bytes through JWK, not SPKI.
// ---------------------------------------------------------------------------------------------------------------

interface IndependentKey {
  name: string;
  keyId: Buffer;
  raw: Buffer;
  publicKey: KeyObject;
}

/** signed-note: key ID = SHA-256(key name || 0x0A || 0x01 || 32-byte Ed25519 public key)[:4]. */
function specKeyId(name: string, raw: Buffer): Buffer {
  return createHash('sha256')
    .update(Buffer.from(name, 'utf8'))
    .update(Buffer.from([0x0a, 0x01]))
    .update(raw)
    .digest()
    .subarray(0, 4);
}

function keyFromRaw(raw: Buffer): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
}

/** `<name>+<hex key ID>+<base64(0x01 || key)>`; the hex ID must match the one computed from name and key. */
function parseVkey(vkey: string): IndependentKey | undefined {
  // Names hold no "+", and the base64 key may: split at the first two only.
  const [name, hex, ...key] = vkey.split('+');
  if (name === undefined || hex === undefined || key.length === 0) return undefined;
  const b64 = key.join('+');
  const encoded = Buffer.from(b64, 'base64');
  if (!/^[0-9a-f]{8}$/.test(hex) || encoded.length !== 33 || encoded[0] !== 0x01) return undefined;
  const raw = encoded.subarray(1);
  const keyId = specKeyId(name, raw);
  if (keyId.toString('hex') !== hex) return undefined;
  return { name, keyId, raw, publicKey: keyFromRaw(raw) };
}

/** Returns the note text when a signature line of `key` verifies over it (the text, final newline included). */
function independentOpen(note: string, key: IndependentKey): string | undefined {
  const cut = note.lastIndexOf('\n\n');
  if (cut < 0 || !note.endsWith('\n')) return undefined;
  const text = note.slice(0, cut + 1);
  let verified = false;
  for (const line of note.slice(cut + 2, -1).split('\n')) {
    const match = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/u.exec(line);
    if (!match) return undefined;
    const sig = Buffer.from(match[2]!, 'base64');
    if (match[1] !== key.name || !sig.subarray(0, 4).equals(key.keyId)) continue;
    if (!verify(null, Buffer.from(text, 'utf8'), key.publicKey, sig.subarray(4))) return undefined;
    verified = true;
  }
  return verified ? text : undefined;
}

/** tlog-checkpoint: origin, decimal size, base64 root hash, then extension lines. */
function independentCheckpoint(text: string) {
  const [origin, size, root, ...rest] = text.slice(0, -1).split('\n');
  return { origin, size: Number(size), root: Buffer.from(root!, 'base64'), extensions: rest };
}

// ---------------------------------------------------------------------------------------------------------------

const ORIGIN = 'evidence-ledger.example/log';
const newSigner = (): Signer => ed25519Signer(generateKeyPairSync('ed25519').privateKey);
const signer = newSigner();
const stranger = newSigner();
const trusted = [{ name: ORIGIN, publicKey: signer.publicKey }];

const eventHashes = Array.from({ length: 13 }, (_, i) => createHash('sha256').update(`event ${i}`).digest());
const root = rootOf(eventHashes.map(leafHash));
const body = checkpointBody({ origin: ORIGIN, size: eventHashes.length, rootHash: root });
const note = signNote(body, ORIGIN, signer);

describe('checkpoints as C2SP signed notes', () => {
  it('when a checkpoint is written, then it is origin, decimal size and base64 root, each ending in a newline', () => {
    expect(body).toBe(`${ORIGIN}\n13\n${root.toString('base64')}\n`);
    expect(checkpointBody({ origin: 'o', size: 0, rootHash: root, extensions: ['time 1700000000'] })).toBe(
      `o\n0\n${root.toString('base64')}\ntime 1700000000\n`,
    );
  });

  it('when our signed checkpoint is given to the independent verifier, then it verifies and parses to our values', () => {
    const key = parseVkey(verifierKey(ORIGIN, signer.publicKey))!;
    expect(key).toBeDefined();
    const text = independentOpen(note, key);
    expect(text).toBe(body);
    const parsed = independentCheckpoint(text!);
    expect(parsed.origin).toBe(ORIGIN);
    expect(parsed.size).toBe(13);
    expect(parsed.root.equals(root)).toBe(true);
    expect(parsed.extensions).toEqual([]);
  });

  it('when the independent verifier sees a tampered note, then it rejects it too (it is not vacuous)', () => {
    const key = parseVkey(verifierKey(ORIGIN, signer.publicKey))!;
    expect(independentOpen(note.replace('\n13\n', '\n14\n'), key)).toBeUndefined();
    expect(independentOpen(note, parseVkey(verifierKey(ORIGIN, stranger.publicKey))!)).toBeUndefined();
  });

  it('when our vkey is parsed independently, then its name, key ID and raw key agree with ours', () => {
    const vkey = verifierKey(ORIGIN, signer.publicKey);
    const key = parseVkey(vkey)!;
    const jwkX = Buffer.from(signer.publicKey.export({ format: 'jwk' }).x!, 'base64url');
    expect(key.name).toBe(ORIGIN);
    expect(key.raw.equals(jwkX)).toBe(true);
    expect(key.keyId.equals(noteKeyHash(ORIGIN, signer.publicKey))).toBe(true);
    expect(vkey).toMatch(/^evidence-ledger\.example\/log\+[0-9a-f]{8}\+A[A-Za-z0-9+/]{43}$/);
  });

  it('when our note is opened, then the body comes back and parses to the same checkpoint', () => {
    expect(openNote(note, trusted)).toEqual({ body, verifiedBy: [ORIGIN] });
    const checkpoint = parseCheckpoint(body)!;
    expect(checkpoint.origin).toBe(ORIGIN);
    expect(checkpoint.size).toBe(13);
    expect(checkpoint.rootHash.equals(root)).toBe(true);
    expect(checkpoint.extensions).toEqual([]);
  });

  it('when the tlog-checkpoint example body of the spec is parsed, then its fields come out and it re-encodes', () => {
    // C2SP/C2SP tlog-checkpoint.md, the example at the top of the spec (its signature key is not published).
    const example = 'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';
    const parsed = parseCheckpoint(example)!;
    expect(parsed).toMatchObject({ origin: 'example.com/behind-the-sofa', size: 20852163, extensions: [] });
    expect(checkpointBody(parsed)).toBe(example);
  });
});

describe('the published test vector of golang.org/x/mod/sumdb/note', () => {
  // golang/mod, sumdb/note/note.go (package documentation) and sumdb/note/note_test.go (TestSign, TestOpen,
  // TestVerifierList). The C2SP signed-note.md example (quasimodo.example/salvatore) publishes no verifier key.
  const PETER_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
  const PETER_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
  const ENOCH_VKEY = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop';
  const TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
  const PETER_SIG =
    '\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';
  const ENOCH_SIG =
    '\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n';
  const peter = parseVkey(PETER_VKEY)!;
  const enoch = parseVkey(ENOCH_VKEY)!;

  it('when the vkeys are rebuilt from name and raw key, then our key hash and vkey string match them', () => {
    expect(noteKeyHash('PeterNeumann', peter.publicKey).toString('hex')).toBe('c74f20a3');
    expect(verifierKey('PeterNeumann', peter.publicKey)).toBe(PETER_VKEY);
    expect(verifierKey('EnochRoot', enoch.publicKey)).toBe(ENOCH_VKEY);
  });

  it('when the note is signed with the published private key, then the signature line is byte-identical', () => {
    const seed = Buffer.from(PETER_SKEY.split('+').slice(4).join('+'), 'base64').subarray(1);
    const jwk = { kty: 'OKP', crv: 'Ed25519', x: peter.raw.toString('base64url'), d: seed.toString('base64url') };
    const peterSigner = ed25519Signer(createPrivateKey({ key: jwk, format: 'jwk' }));
    expect(signNote(TEXT, 'PeterNeumann', peterSigner)).toBe(`${TEXT}\n${PETER_SIG}`);
  });

  it('when the published notes are opened, then the known signatures verify and unknown ones are ignored', () => {
    const peterKey = { name: 'PeterNeumann', publicKey: peter.publicKey };
    const enochKey = { name: 'EnochRoot', publicKey: enoch.publicKey };
    expect(openNote(`${TEXT}\n${PETER_SIG}`, [peterKey])).toEqual({ body: TEXT, verifiedBy: ['PeterNeumann'] });
    expect(openNote(`${TEXT}\n${PETER_SIG}${ENOCH_SIG}`, [peterKey])?.verifiedBy).toEqual(['PeterNeumann']);
    expect(openNote(`${TEXT}\n${PETER_SIG}${ENOCH_SIG}`, [enochKey, peterKey])?.verifiedBy).toEqual([
      'PeterNeumann',
      'EnochRoot',
    ]);
    expect(openNote(`${TEXT}\n${PETER_SIG}${ENOCH_SIG}`, [])).toBeUndefined();
  });

  it('when the Go malformed-note cases are opened, then each is rejected', () => {
    const peterKey = [{ name: 'PeterNeumann', publicKey: peter.publicKey }];
    const bad = [
      TEXT,
      `${TEXT}\n`,
      `${TEXT}\n${PETER_SIG.slice(0, -1)}`,
      `\u0001${TEXT}\n${PETER_SIG}`,
      `${TEXT}\n\u2014 Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=`,
      `${TEXT}\n${PETER_SIG}Unexpected line.\n`,
      `${TEXT}\n${PETER_SIG.slice(0, 60)}ABCD${PETER_SIG.slice(60)}`,
      `${TEXT}\n${PETER_SIG.repeat(101)}`,
    ];
    for (const msg of bad) expect(openNote(msg, peterKey)).toBeUndefined();
  });
});

describe('when a signed checkpoint is tampered with, then openNote rejects it', () => {
  const [sigLine] = note.slice(body.length + 1).split('\n');
  const sigBytes = Buffer.from(sigLine!.split(' ')[2]!, 'base64');
  const withSig = (bytes: Buffer) => `${body}\n\u2014 ${ORIGIN} ${bytes.toString('base64')}\n`;

  it('when any one character of the body changes, then the note is rejected', () => {
    for (let i = 0; i < body.length; i++) {
      const replacement = body[i] === 'a' ? 'b' : 'a';
      const tampered = body.slice(0, i) + replacement + note.slice(i + 1);
      expect(openNote(tampered, trusted)).toBeUndefined();
    }
  });

  it('when the size or the root is changed, then the note is rejected', () => {
    const flipped = Buffer.from(root);
    flipped[31] = flipped[31]! ^ 0x01;
    for (const changed of [
      checkpointBody({ origin: ORIGIN, size: 14, rootHash: root }),
      checkpointBody({ origin: ORIGIN, size: 13, rootHash: flipped }),
      checkpointBody({ origin: ORIGIN, size: 13, rootHash: root, extensions: ['extra'] }),
    ]) {
      expect(openNote(`${changed}${note.slice(body.length)}`, trusted)).toBeUndefined();
    }
  });

  it('when any byte of the key ID or the signature changes, then the note is rejected', () => {
    for (let i = 0; i < sigBytes.length; i++) {
      const copy = Buffer.from(sigBytes);
      copy[i] = copy[i]! ^ 0x80;
      expect(openNote(withSig(copy), trusted)).toBeUndefined();
    }
    expect(openNote(withSig(sigBytes.subarray(0, 67)), trusted)).toBeUndefined();
    expect(openNote(withSig(Buffer.concat([sigBytes, Buffer.from([0])])), trusted)).toBeUndefined();
  });

  it('when the signature line names another key, then the note is rejected', () => {
    expect(openNote(note.replace(`\u2014 ${ORIGIN} `, '\u2014 other.example/log '), trusted)).toBeUndefined();
    expect(openNote(note, [{ name: 'other.example/log', publicKey: signer.publicKey }])).toBeUndefined();
  });

  it('when the trusted key under that name is a different key, then the note is rejected', () => {
    expect(openNote(note, [{ name: ORIGIN, publicKey: stranger.publicKey }])).toBeUndefined();
  });

  it('when only an unknown key signed, then the note is rejected; next to a known one, it is ignored', () => {
    const foreign = signNote(body, ORIGIN, stranger);
    expect(openNote(foreign, trusted)).toBeUndefined();
    const both = `${note}${foreign.slice(body.length + 1)}`;
    expect(openNote(both, trusted)).toEqual({ body, verifiedBy: [ORIGIN] });
  });

  it('when a known key has a bad signature next to a good one, then the whole note is rejected', () => {
    const other = { name: 'witness.example', publicKey: stranger.publicKey };
    const witnessed = `${note}${signNote(body, 'witness.example', stranger).slice(body.length + 1)}`;
    expect(openNote(witnessed, [...trusted, other])?.verifiedBy).toEqual([ORIGIN, 'witness.example']);
    const forged = signNote(checkpointBody({ origin: ORIGIN, size: 1, rootHash: root }), 'witness.example', stranger);
    const mixed = `${note}${forged.slice(forged.lastIndexOf('\n\n') + 2)}`;
    expect(openNote(mixed, [...trusted, other])).toBeUndefined();
  });

  it('when the same trusted key is listed twice, then it is not ambiguous and the note verifies once', () => {
    const twice = [
      ...trusted,
      { name: ORIGIN, publicKey: keyFromRaw(parseVkey(verifierKey(ORIGIN, signer.publicKey))!.raw) },
    ];
    expect(openNote(note, twice)).toEqual({ body, verifiedBy: [ORIGIN] });
  });

  it('when the blank line is missing, then the note is rejected', () => {
    expect(openNote(`${body}${sigLine}\n`, trusted)).toBeUndefined();
  });

  it('when the line endings are CRLF, then the note is rejected', () => {
    expect(openNote(note.replaceAll('\n', '\r\n'), trusted)).toBeUndefined();
  });

  it('when anything follows the signature lines, then the note is rejected', () => {
    for (const tail of ['garbage\n', 'garbage', '\n', ' ', '\u2014\n']) {
      expect(openNote(`${note}${tail}`, trusted)).toBeUndefined();
    }
    expect(openNote(note.slice(0, -1), trusted)).toBeUndefined();
  });

  it('when the note holds a control character or a lone surrogate, then it is rejected', () => {
    expect(openNote(note.replace(ORIGIN, `${ORIGIN}\t`), trusted)).toBeUndefined();
    expect(openNote(`\ud800${note}`, trusted)).toBeUndefined();
  });

  it('when sixteen signatures are present, then the note is still accepted', () => {
    const extra = Array.from({ length: 15 }, (_, i) => signNote(body, `w${i}.example`, stranger));
    const many = `${note}${extra.map((n) => n.slice(body.length + 1)).join('')}`;
    expect(openNote(many, trusted)?.verifiedBy).toEqual([ORIGIN]);
  });

  it('when random strings are opened, then openNote never throws and accepts none', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(openNote(text, trusted)).toBeUndefined();
        expect(openNote(`${body}\n${text}`, trusted)).toBeUndefined();
        parseCheckpoint(text);
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseCheckpoint', () => {
  const b64 = root.toString('base64');

  it('when the body is well-formed, then extension lines are kept in order', () => {
    expect(parseCheckpoint(`o\n0\n${b64}\na\nb\n`)).toMatchObject({ origin: 'o', size: 0, extensions: ['a', 'b'] });
    expect(parseCheckpoint(`o\n9007199254740991\n${b64}\n`)?.size).toBe(Number.MAX_SAFE_INTEGER);
  });

  it.each([
    ['a leading zero', `o\n013\n${b64}\n`],
    ['a sign', `o\n+13\n${b64}\n`],
    ['a negative size', `o\n-1\n${b64}\n`],
    ['spaces around the size', `o\n 13\n${b64}\n`],
    ['a fractional size', `o\n1.0\n${b64}\n`],
    ['a size beyond 2^53 - 1', `o\n9007199254740992\n${b64}\n`],
    ['a 31-byte root', `o\n1\n${root.subarray(1).toString('base64')}\n`],
    ['an unpadded root', `o\n1\n${b64.replace('=', '')}\n`],
    ['a non-canonical root (padding bits set)', `o\n1\n${'A'.repeat(42)}B=\n`],
    ['url-safe base64', `o\n1\n${Buffer.alloc(32, 0xff).toString('base64url')}=\n`],
    ['an empty origin', `\n1\n${b64}\n`],
    ['a missing root line', 'o\n1\n'],
    ['an empty extension line', `o\n1\n${b64}\n\nx\n`],
    ['no final newline', `o\n1\n${b64}`],
    ['CRLF line endings', `o\r\n1\r\n${b64}\r\n`],
  ])('when the body has %s, then it is refused', (_what, text) => {
    expect(parseCheckpoint(text)).toBeUndefined();
  });

  it('when a checkpoint cannot be written validly, then checkpointBody throws', () => {
    expect(() => checkpointBody({ origin: '', size: 1, rootHash: root })).toThrow(RangeError);
    expect(() => checkpointBody({ origin: 'a\nb', size: 1, rootHash: root })).toThrow(RangeError);
    expect(() => checkpointBody({ origin: 'o', size: -1, rootHash: root })).toThrow(RangeError);
    expect(() => checkpointBody({ origin: 'o', size: 1.5, rootHash: root })).toThrow(RangeError);
    expect(() => checkpointBody({ origin: 'o', size: 1, rootHash: root.subarray(1) })).toThrow(RangeError);
    expect(() => checkpointBody({ origin: 'o', size: 1, rootHash: root, extensions: [''] })).toThrow(RangeError);
  });

  it('when a note text lacks its final newline or the key name is invalid, then signNote throws', () => {
    expect(() => signNote('o\n1', ORIGIN, signer)).toThrow(RangeError);
    expect(() => signNote(body, 'has space', signer)).toThrow(RangeError);
    expect(() => signNote(body, 'has+plus', signer)).toThrow(RangeError);
    expect(() => signNote(body, '', signer)).toThrow(RangeError);
  });
});
