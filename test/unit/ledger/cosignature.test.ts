import { createHash, generateKeyPairSync, verify } from 'node:crypto';
import {
  checkpointBody,
  noteKeyHash,
  rawEd25519PublicKey,
  signNote,
  verifierKey,
} from '../../../src/ledger/checkpoint.js';
import {
  addSignatureLines,
  cosign,
  cosignatureMessage,
  cosignatureVerifierKey,
  parseCosignatureLine,
  parseVerifierKey,
  verifyCosignatures,
} from '../../../src/ledger/cosignature.js';
import { ed25519Signer } from '../../../src/ledger/ed25519.js';

const newSigner = () => ed25519Signer(generateKeyPairSync('ed25519').privateKey);

/** The example of C2SP tlog-cosignature ("Format" and "Ed25519 signed message"). */
const SPEC_BODY = 'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';
const SPEC_NOTE =
  SPEC_BODY +
  '\n' +
  '\u2014 example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n' +
  '\u2014 witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==\n';

describe('cosignatures (C2SP tlog-cosignature, Ed25519 cosignature/v1)', () => {
  it('when the spec example is parsed, then its key ID, timestamp and signature sit where the spec puts them', () => {
    const line = SPEC_NOTE.trimEnd().split('\n').at(-1)!;
    const parsed = parseCosignatureLine(line)!;
    expect(parsed.name).toBe('witness.example.com/w1');
    expect(parsed.keyHash).toBe('8d66cf3f');
    // the spec's signed message shows "time 1679315147" for this cosignature
    expect(parsed.timestamp).toBe(1679315147);
    expect(parsed.signature).toHaveLength(64);
    // the log's own signature (key ID + 64 bytes, no timestamp) is not a cosignature
    expect(parseCosignatureLine(SPEC_NOTE.split('\n')[4]!)).toBeUndefined();
  });

  it("when the spec's signed message is built, then it is byte for byte the spec's", () => {
    expect(cosignatureMessage(SPEC_BODY, 1679315147).toString('utf8')).toBe(
      'cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n',
    );
  });

  it('when published verifier keys are parsed, then their key IDs check (0x04 cosignature, 0x01 note)', () => {
    // transparency-dev/formats note_cosigv1_test.go: a native cosignature/v1 vkey and an Ed25519 note vkey
    const cosigner = parseVerifierKey('remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2')!;
    expect([cosigner.name, cosigner.type, cosigner.keyHash]).toEqual(['remora.n621.de', 0x04, 'da77ade7']);
    expect(cosignatureVerifierKey(cosigner.name, cosigner.publicKey)).toBe(
      'remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2',
    );
    const note = parseVerifierKey('TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6')!;
    expect([note.name, note.type, note.keyHash]).toEqual(['TEST', 0x01, '7997405c']);
    expect(parseVerifierKey('remora.n621.de+da77ade8+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2')).toBeUndefined();
    expect(parseVerifierKey('rekor.sigstore.dev+12345678+AwEB')).toBeUndefined();
  });

  it('when the verifier key of a log of the SM2 suite is parsed, then it gives back the SM2 key and type 0xff', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'SM2' });
    const vkey = verifierKey('ledger.example.gov.cn/sm2', publicKey);
    const parsed = parseVerifierKey(vkey)!;
    expect([parsed.name, parsed.type, parsed.keyHash]).toEqual([
      'ledger.example.gov.cn/sm2',
      0xff,
      noteKeyHash('ledger.example.gov.cn/sm2', publicKey).toString('hex'),
    ]);
    expect(parsed.publicKey.export({ type: 'spki', format: 'der' })).toEqual(
      publicKey.export({ type: 'spki', format: 'der' }),
    );
    // another key ID, another identifier, a point off the curve: refused
    // the base64 of the key may hold "+": it is everything after the second one
    const [name, id] = vkey.split('+') as [string, string];
    const encoded = vkey.slice(name.length + id.length + 2);
    expect(parseVerifierKey(`${name}+00000000+${encoded}`)).toBeUndefined();
    const flipped = (at: number) => {
      const bytes = Buffer.from(encoded, 'base64');
      bytes.writeUInt8(bytes.readUInt8(at) ^ 1, at);
      return `${name}+${id}+${bytes.toString('base64')}`;
    };
    expect(parseVerifierKey(flipped(1))).toBeUndefined(); // the identifier
    expect(parseVerifierKey(flipped(1 + 'evidence-ledger/sm2-sm3/v1'.length + 64))).toBeUndefined(); // y: off the curve
  });

  it('when a checkpoint is cosigned, then the line is key ID || big-endian time || Ed25519 over the spec message', () => {
    const witness = newSigner();
    const body = checkpointBody({ origin: 'example.org/log', size: 5, rootHash: Buffer.alloc(32, 7) });
    const line = cosign(body, 'example.org/witness', witness, 1_700_000_000);
    expect(line.endsWith('\n')).toBe(true);
    const bytes = Buffer.from(line.trimEnd().split(' ')[2]!, 'base64');
    expect(bytes).toHaveLength(76);
    const raw = rawEd25519PublicKey(witness.publicKey);
    const keyId = createHash('sha256')
      .update(Buffer.concat([Buffer.from('example.org/witness\n'), Buffer.from([0x04]), raw]))
      .digest()
      .subarray(0, 4);
    expect(bytes.subarray(0, 4)).toEqual(keyId);
    expect(bytes.readBigUInt64BE(4)).toBe(1_700_000_000n);
    const message = Buffer.from(`cosignature/v1\ntime 1700000000\n${body}`);
    expect(verify(null, message, witness.publicKey, bytes.subarray(12))).toBe(true);
  });

  it('when a cosigned note is verified, then only the given witnesses count and a tampered line is named', () => {
    const log = newSigner();
    const [w1, w2, other] = [newSigner(), newSigner(), newSigner()];
    const body = checkpointBody({ origin: 'example.org/log', size: 9, rootHash: Buffer.alloc(32, 1) });
    const note = signNote(body, 'example.org/log', log);
    const lines = [
      cosign(body, 'w1.example', w1, 100),
      cosign(body, 'w2.example', w2, 200),
      cosign(body, 'other.example', other, 300),
    ].map((l) => l.trimEnd());
    const cosigned = addSignatureLines(note, lines);
    expect(cosigned.startsWith(note)).toBe(true);
    const given = [
      { name: 'w1.example', publicKey: w1.publicKey },
      { name: 'w2.example', publicKey: w2.publicKey },
    ];
    const result = verifyCosignatures(cosigned, given)!;
    expect(result.valid.map((v) => [v.name, v.timestamp])).toEqual([
      ['w1.example', 100],
      ['w2.example', 200],
    ]);
    expect(result.invalid).toEqual([]);
    // a cosignature over another body (another root) does not verify for that witness
    const otherBody = checkpointBody({ origin: 'example.org/log', size: 9, rootHash: Buffer.alloc(32, 2) });
    const forged = addSignatureLines(note, [cosign(otherBody, 'w1.example', w1, 100).trimEnd()]);
    expect(verifyCosignatures(forged, given)).toEqual({ valid: [], invalid: ['w1.example'] });
    // a known witness's line whose time is beyond 2^53 - 1 seconds cannot be checked: it is named, not passed over
    const line = cosign(body, 'w1.example', w1, 100).trimEnd();
    const bytes = Buffer.from(line.slice(line.lastIndexOf(' ') + 1), 'base64');
    bytes.writeBigUInt64BE(2n ** 53n, 4);
    const farFuture = `${line.slice(0, line.lastIndexOf(' ') + 1)}${bytes.toString('base64')}`;
    expect(parseCosignatureLine(farFuture)).toBeUndefined();
    expect(verifyCosignatures(addSignatureLines(note, [farFuture]), given)).toEqual({
      valid: [],
      invalid: ['w1.example'],
    });
    // the log's note key is a 0x01 key: its verifier key is not a cosignature key and not the same ID
    expect(verifierKey('example.org/log', log.publicKey)).not.toBe(
      cosignatureVerifierKey('example.org/log', log.publicKey),
    );
  });
});
