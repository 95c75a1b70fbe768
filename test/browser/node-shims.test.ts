import * as nodeCrypto from 'node:crypto';
import * as nodeBuffer from 'node:buffer';
import fc from 'fast-check';
import { createHash, createPublicKey, verify } from '../../src/web/client/shims/crypto.js';
import { Ed25519Unsupported, withWebCryptoEd25519 } from '../../src/web/client/shims/ed25519-answers.js';
import { isUtf8 } from '../../src/web/client/shims/buffer.js';

/**
 * The browser's stand-ins for the Node built-ins src/ledger uses (scripts/build.mjs aliases them), checked here in
 * Node against the real ones; the WebCrypto they use is Node's, the same API as the browser's.
 */

describe('the browser build of node:crypto', () => {
  it('when any bytes are hashed in any pieces, then the SHA-256 is node:crypto’s', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 700 }), fc.array(fc.nat(700)), (bytes, cuts) => {
        const shim = createHash('sha256');
        let at = 0;
        for (const cut of [...cuts].sort((a, b) => a - b)) {
          shim.update(bytes.subarray(at, Math.max(at, cut)));
          at = Math.max(at, cut);
        }
        shim.update(bytes.subarray(at));
        expect(shim.digest('hex')).toBe(nodeCrypto.createHash('sha256').update(bytes).digest('hex'));
      }),
    );
  });

  it('when any bytes are hashed in any pieces, then the SM3 is node:crypto’s, and the standard’s examples hold', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 700 }), fc.array(fc.nat(700)), (bytes, cuts) => {
        const shim = createHash('sm3');
        let at = 0;
        for (const cut of [...cuts].sort((a, b) => a - b)) {
          shim.update(bytes.subarray(at, Math.max(at, cut)));
          at = Math.max(at, cut);
        }
        shim.update(bytes.subarray(at));
        expect(shim.digest('hex')).toBe(nodeCrypto.createHash('sm3').update(bytes).digest('hex'));
      }),
    );
    // GB/T 32905-2016 Appendix A: "abc", and "abcd" sixteen times
    expect(createHash('sm3').update('abc').digest('hex')).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
    expect(createHash('sm3').update('abcd'.repeat(16)).digest('hex')).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
  });

  it('when a PEM public key is read, then it is the key Node reads, and a key of another type is not Ed25519', () => {
    const { publicKey } = nodeCrypto.generateKeyPairSync('ed25519');
    const pem = publicKey.export({ type: 'spki', format: 'pem' }) as string;
    const key = createPublicKey(pem);
    expect(key.asymmetricKeyType).toBe('ed25519');
    expect(key.export({ type: 'spki', format: 'der' })).toEqual(publicKey.export({ type: 'spki', format: 'der' }));
    expect(key.export({ type: 'spki', format: 'pem' })).toBe(pem);
    const ec = nodeCrypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
    expect(createPublicKey(ec.export({ type: 'spki', format: 'pem' }) as string).asymmetricKeyType).toBeUndefined();
    expect(() => createPublicKey('not a key')).toThrow();
  });

  it('when signatures are checked, then the answers are WebCrypto’s, a bad one refused, as Node verifies them', async () => {
    const { publicKey, privateKey } = nodeCrypto.generateKeyPairSync('ed25519');
    const key = createPublicKey(publicKey.export({ type: 'spki', format: 'pem' }) as string);
    const message = Buffer.from('a checkpoint note\n');
    const good = nodeCrypto.sign(null, message, privateKey);
    const bad = Buffer.from(good);
    bad[5] = bad[5]! ^ 0x01;
    let passes = 0;
    const verdicts = await withWebCryptoEd25519(async () => {
      passes += 1;
      return [
        verify(null, message, key, good),
        verify(null, message, key, bad),
        verify(null, Buffer.from('x'), key, good),
      ];
    });
    expect(verdicts).toEqual([true, false, false]);
    expect(verdicts).toEqual(
      [good, bad, good].map((s, i) => nodeCrypto.verify(null, i === 2 ? Buffer.from('x') : message, publicKey, s)),
    );
    // the first pass met three signatures WebCrypto had not answered; the second had every answer
    expect(passes).toBe(2);
  });

  it('when WebCrypto has no Ed25519, then a run fails as unsupported rather than finding signatures invalid', async () => {
    const { publicKey, privateKey } = nodeCrypto.generateKeyPairSync('ed25519');
    const key = createPublicKey(publicKey.export({ type: 'spki', format: 'pem' }) as string);
    const message = Buffer.from('m');
    const importKey = jest
      .spyOn(globalThis.crypto.subtle, 'importKey')
      .mockRejectedValue(new DOMException('Ed25519 is not supported', 'NotSupportedError'));
    try {
      const run = withWebCryptoEd25519(async () =>
        verify(null, message, key, nodeCrypto.sign(null, message, privateKey)),
      );
      await expect(run).rejects.toBeInstanceOf(Ed25519Unsupported);
      expect(importKey).toHaveBeenCalled();
    } finally {
      importKey.mockRestore();
    }
    // the next run, with Ed25519 back, is not held up by the failed one
    await expect(
      withWebCryptoEd25519(async () => verify(null, message, key, nodeCrypto.sign(null, message, privateKey))),
    ).resolves.toBe(true);
  });

  it('when bytes are or are not UTF-8, then isUtf8 answers as node:buffer does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        expect(isUtf8(bytes)).toBe(nodeBuffer.isUtf8(bytes));
      }),
    );
  });
});
