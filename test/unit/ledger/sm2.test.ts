import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import {
  DEFAULT_USER_ID,
  decodeSignature,
  encodeSignature,
  signDigest,
  signSm2,
  sm2Digest,
  sm2PublicPoint,
  sm2Z,
  verifySm2,
} from '../../../src/ledger/sm2.js';
import { G, isOnCurve, multiply, multiplyBase, N } from '../../../src/ledger/sm2-curve.js';
import { SUITES } from '../../../src/ledger/suite.js';

/** sm-crypto (npm, a devDependency): an independent SM2 implementation in JavaScript. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const smCrypto = require('sm-crypto') as {
  sm2: {
    doSignature(msg: string, privateKey: string, options: object): string;
    doVerifySignature(msg: string, signature: string, publicKey: string, options: object): boolean;
  };
};

const hex = (n: bigint) => n.toString(16).padStart(64, '0');
const big = (h: string) => BigInt(`0x${h}`);

/** An SM2 private key object from its scalar, through an SEC 1 DER with the curve OID and the public point. */
function keyFromScalar(d: bigint) {
  const point = multiply(d, G)!;
  const der = Buffer.from(
    `30770201010420${hex(d)}a00a06082a811ccf5501822da14403420004${hex(point.x)}${hex(point.y)}`,
    'hex',
  );
  return createPrivateKey({ key: der, format: 'der', type: 'sec1' });
}

function smCryptoKeys(privateKey: ReturnType<typeof keyFromScalar>) {
  const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'der' });
  const point = sm2PublicPoint(privateKey);
  return { d: pkcs8.subarray(36, 68).toString('hex'), pub: `04${hex(point.x)}${hex(point.y)}` };
}

/**
 * GM/T 0003.5-2012 (= GB/T 32918.5-2017) worked example of a signature on the recommended curve, with the default
 * identifier 1234567812345678, message "message digest" and the nonce the example fixes.
 */
const EXAMPLE = {
  d: '3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8',
  x: '09f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020',
  y: 'ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13',
  za: 'b2e14c5c79c6df5b85f4fe7ed8db7a262b9da7e07ccb0ea9f4747b8ccda8a4f3',
  e: 'f0b43e94ba45accaace692ed534382eb17e6ab5a19ce7b31f4486fdfc0d28640',
  k: '59276e27d506861a16680f3ad9c02dccef3cc1fa3cdbe4ce6d54b80deac1bc21',
  r: 'f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3',
  s: 'b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa',
  message: Buffer.from('message digest'),
};

describe('SM2 signatures', () => {
  it('when the curve is checked, then G is on it and n·G is the point at infinity', () => {
    expect(isOnCurve(G)).toBe(true);
    expect(multiply(N, G)).toBeNull();
  });

  it('when d·G is computed, then it is the public key Node derives for the same scalar', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'SM2' });
    const d = big(smCryptoKeys(privateKey).d);
    expect(multiply(d, G)).toEqual(sm2PublicPoint(publicKey));
  });

  it('when k·G is computed with the fixed-base table, then it is the point of double-and-add, at the edges and for random k', () => {
    const edges = [0n, 1n, 2n, 15n, 16n, 17n, N - 1n, N, (1n << 255n) + 12345n, (1n << 256n) - 1n];
    const random = Array.from({ length: 16 }, () => BigInt(`0x${randomBytes(32).toString('hex')}`));
    for (const k of [...edges, ...random]) expect([k, multiplyBase(k)]).toEqual([k, multiply(k, G)]);
    expect(multiplyBase(N)).toBeNull();
    expect(() => multiplyBase(1n << 256n)).toThrow(RangeError);
    expect(() => multiplyBase(-1n)).toThrow(RangeError);
  });

  describe('the GM/T 0003.5 worked example', () => {
    const key = keyFromScalar(big(EXAMPLE.d));

    it('when the public key, Z and e are computed, then they are the example values', () => {
      expect(sm2PublicPoint(key)).toEqual({ x: big(EXAMPLE.x), y: big(EXAMPLE.y) });
      expect(DEFAULT_USER_ID).toBe('1234567812345678');
      expect(sm2Z(sm2PublicPoint(key)).toString('hex')).toBe(EXAMPLE.za);
      expect(hex(sm2Digest(sm2PublicPoint(key), EXAMPLE.message, DEFAULT_USER_ID))).toBe(EXAMPLE.e);
    });

    it('when signed with the example nonce, then (r, s) is the example signature, and it verifies', () => {
      const signature = signDigest(big(EXAMPLE.d), big(EXAMPLE.e), big(EXAMPLE.k))!;
      expect({ r: hex(signature.r), s: hex(signature.s) }).toEqual({ r: EXAMPLE.r, s: EXAMPLE.s });
      const der = encodeSignature(signature.r, signature.s);
      expect(verifySm2(createPublicKey(key), EXAMPLE.message, der)).toBe(true);
      expect(verifySm2(createPublicKey(key), Buffer.from('message digesT'), der)).toBe(false);
    });
  });

  describe('against sm-crypto, with the default identifier', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'SM2' });
    const keys = smCryptoKeys(privateKey);
    const messages = ['hello', 'evidence-ledger/event/v1\n' + 'ab'.repeat(32), '行政执法全过程记录'];

    it.each(messages)('when this code signs %j, then sm-crypto verifies the DER signature', (message) => {
      const signature = signSm2(privateKey, Buffer.from(message, 'utf8'));
      const options = { der: true, hash: true, userId: DEFAULT_USER_ID };
      expect(smCrypto.sm2.doVerifySignature(message, signature.toString('hex'), keys.pub, options)).toBe(true);
    });

    it.each(messages)('when sm-crypto signs %j, then this code verifies it', (message) => {
      const signature = smCrypto.sm2.doSignature(message, keys.d, { der: true, hash: true, publicKey: keys.pub });
      expect(verifySm2(publicKey, Buffer.from(message, 'utf8'), Buffer.from(signature, 'hex'))).toBe(true);
      expect(verifySm2(publicKey, Buffer.from(`${message}.`, 'utf8'), Buffer.from(signature, 'hex'))).toBe(false);
    });

    it("when Node's crypto.sign('sm3') signs with an SM2 key, then it is not an SM2 signature (no Z value), which is why this code signs itself", () => {
      const message = 'hello';
      const signature = sign('sm3', Buffer.from(message), privateKey);
      const options = { der: true, hash: true, userId: DEFAULT_USER_ID };
      expect(smCrypto.sm2.doVerifySignature(message, signature.toString('hex'), keys.pub, options)).toBe(false);
      expect(verifySm2(publicKey, Buffer.from(message), signature)).toBe(false);
    });
  });

  it('when a key is written as PEM and read back (Node then names no key type), then it still signs and verifies', () => {
    const generated = generateKeyPairSync('ec', { namedCurve: 'SM2' });
    const privateKey = createPrivateKey(generated.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const publicKey = createPublicKey(generated.publicKey.export({ type: 'spki', format: 'pem' }));
    expect(privateKey.asymmetricKeyType).toBeUndefined();
    const signature = signSm2(privateKey, Buffer.from('x'));
    expect(verifySm2(generated.publicKey, Buffer.from('x'), signature)).toBe(true);
    expect(SUITES.sm2.keyIdOf(publicKey)).toBe(SUITES.sm2.keyIdOf(generated.publicKey));
    expect(SUITES.sm2.keyIdOf(publicKey)).toMatch(/^sm2-[0-9a-f]{64}$/);
  });

  it('when the same message is signed twice, then the signatures are equal (RFC 6979 nonces) and verify', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'SM2' });
    const a = signSm2(privateKey, Buffer.from('x'));
    expect(a.equals(signSm2(privateKey, Buffer.from('x')))).toBe(true);
    expect(SUITES.sm2.verify(publicKey, Buffer.from('x'), a)).toBe(true);
  });

  it('when a signature is malformed (not DER, r or s out of range, trailing bytes), then it does not verify and nothing throws', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'SM2' });
    const good = signSm2(privateKey, Buffer.from('x'));
    const { r, s } = decodeSignature(good)!;
    const bad = [
      Buffer.alloc(0),
      Buffer.alloc(64, 1),
      Buffer.concat([good, Buffer.from([0])]),
      encodeSignature(r, 0n),
      encodeSignature(N, s),
      encodeSignature(r + N, s),
    ];
    for (const signature of bad) expect(verifySm2(publicKey, Buffer.from('x'), signature)).toBe(false);
    expect(SUITES.sm2.verify(generateKeyPairSync('ed25519').publicKey, Buffer.from('x'), good)).toBe(false);
  });
});
