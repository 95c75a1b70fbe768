import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { sha256 } from '../../../src/ledger/hash.js';
import { timestampedMessage, timestampRequest, tokenOfResponse } from '../../../src/ledger/timestamp-request.js';
import { readTimestampToken, TimestampFailure } from '../../../src/ledger/timestamp-token.js';
import { timestampRoots, verifyTimestampToken } from '../../../src/ledger/timestamp-verify.js';
import { fromDer, toDer, bytesOf, type Asn1 } from '../../../src/ledger/timestamp-der.js';
import { makeTsaPki, opensslReply, opensslVerifies, type TsaPki, type TsaSigner } from '../../support/tsa.js';

/** Tokens from a real RFC 3161 authority: OpenSSL's `ts -reply` with a CA and TSA certificates made for this run. */
let pki: TsaPki;
beforeAll(async () => {
  pki = await makeTsaPki();
}, 120_000);
afterAll(() => pki?.remove());

const note = Buffer.from(
  'evidence-ledger.local/log\n42\nq6V5Xr0Xbq0uB3+Jq6V5Xr0Xbq0uB3+Jq6V5Xr0Xbq0=\n\n— evidence-ledger.local/log abc=\n',
);

async function stamp(message: Uint8Array, signer: TsaSigner = 'good'): Promise<Uint8Array> {
  const nonce = randomBytes(8);
  const reply = await opensslReply(pki, signer, timestampRequest(message, nonce));
  return tokenOfResponse(reply, message, nonce);
}

const failureOf = (run: () => unknown): { code: string; detail: string } | undefined => {
  try {
    run();
    return undefined;
  } catch (err) {
    if (!(err instanceof TimestampFailure)) throw err;
    return { code: err.code, detail: err.detail };
  }
};

/** Flips one byte of the first primitive node for which `pick` says yes, re-encoding the token around it. */
function tamper(token: Uint8Array, pick: (node: Asn1, path: number[]) => boolean): Uint8Array {
  const root = fromDer(token);
  let done = false;
  const walk = (node: Asn1, path: number[]) => {
    if (done) return;
    if (!node.constructed && typeof node.value === 'string' && node.value.length > 0 && pick(node, path)) {
      const v = node.value;
      node.value = v.slice(0, -1) + String.fromCharCode(v.charCodeAt(v.length - 1) ^ 0x01);
      done = true;
      return;
    }
    if (Array.isArray(node.value)) node.value.forEach((child, i) => walk(child as Asn1, [...path, i]));
  };
  walk(root, []);
  expect(done).toBe(true);
  return bytesOf(toDer(root));
}

describe('RFC 3161 time-stamp tokens', () => {
  it('when a real TSA stamps the note, then the token verifies against its CA and gives its genTime', async () => {
    const token = await stamp(note);
    const verified = verifyTimestampToken(token, note, timestampRoots([pki.caPem]));
    expect(verified.imprint).toBe(sha256(note).toString('hex'));
    expect(verified.genTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(verified.genTimeMs).toBe(Date.parse(verified.genTime));
    expect(verified.accuracyMs).toBe(1000);
    expect(verified.tsa).toContain('CN=good');
    expect(verified.root).toContain('CN=ca');
    expect(readTimestampToken(token).genTime).toBe(verified.genTime);
    // an independent implementation agrees
    expect(await opensslVerifies(token, note, pki.caFile)).toBe(true);
  });

  it('when the token is checked against another message, then it is timestamp_invalid', async () => {
    const token = await stamp(note);
    const other = Buffer.concat([note, Buffer.from('x')]);
    expect(failureOf(() => verifyTimestampToken(token, other, timestampRoots([pki.caPem])))).toEqual({
      code: 'timestamp_invalid',
      detail: 'the token is for another message imprint',
    });
  });

  it('when the TSA answers for another hash or nonce, then the client refuses the response', async () => {
    const nonce = randomBytes(8);
    const reply = await opensslReply(pki, 'good', timestampRequest(note, nonce));
    expect(failureOf(() => tokenOfResponse(reply, Buffer.from('other'), nonce))?.code).toBe('timestamp_invalid');
    expect(failureOf(() => tokenOfResponse(reply, note, randomBytes(8)))?.detail).toBe(
      'the token answers another nonce',
    );
  });

  it('when the TSA certificate had expired at genTime, then the token is timestamp_untrusted', async () => {
    const token = await stamp(note, 'expired');
    const failure = failureOf(() => verifyTimestampToken(token, note, timestampRoots([pki.caPem])));
    expect(failure?.code).toBe('timestamp_untrusted');
    expect(failure?.detail).toMatch(/CN=expired.*not valid at genTime/);
  });

  it('when the TSA certificate comes from a foreign CA, then the token is timestamp_untrusted (and trusted with that CA)', async () => {
    const token = await stamp(note, 'foreign');
    expect(failureOf(() => verifyTimestampToken(token, note, timestampRoots([pki.caPem])))).toEqual({
      code: 'timestamp_untrusted',
      detail: expect.stringContaining('no trusted CA certified'),
    });
    expect(verifyTimestampToken(token, note, timestampRoots([pki.foreignCaPem])).tsa).toContain('CN=foreign');
  });

  it('when a byte of the signature is flipped, then the token is timestamp_invalid', async () => {
    const token = await stamp(note);
    const signature = readSignatureBytes(token);
    const tampered = tamper(token, (node) => node.type === 4 && node.value === signature);
    expect(failureOf(() => verifyTimestampToken(tampered, note, timestampRoots([pki.caPem])))).toEqual({
      code: 'timestamp_invalid',
      detail: 'the signature does not verify',
    });
    expect(await opensslVerifies(tampered, note, pki.caFile)).toBe(false);
  });

  it('when a byte of the TSTInfo is flipped, then the token is timestamp_invalid', async () => {
    const token = await stamp(note);
    const root = fromDer(token);
    // ContentInfo → [0] → SignedData → encapContentInfo → [0] → OCTET STRING (the DER TSTInfo): flip its last byte
    const signedData = (root.value as Asn1[])[1]!.value as Asn1[];
    const octet = (((signedData[0]!.value as Asn1[])[2]!.value as Asn1[])[1]!.value as Asn1[])[0]!;
    const tstInfo = octet.value as string;
    const tampered = tamper(token, (node) => node.value === tstInfo);
    const failure = failureOf(() => verifyTimestampToken(tampered, note, timestampRoots([pki.caPem])));
    expect(failure?.code).toBe('timestamp_invalid');
    expect(await opensslVerifies(tampered, note, pki.caFile)).toBe(false);
  });

  it('when the bytes are not a token, then it is timestamp_invalid', () => {
    expect(
      failureOf(() => verifyTimestampToken(Buffer.from('not a token'), note, timestampRoots([pki.caPem])))?.code,
    ).toBe('timestamp_invalid');
  });

  it('when the TSA certificate itself is pinned, then its tokens verify without the CA', async () => {
    const token = await stamp(note);
    const good = fs.readFileSync(`${pki.dir}/good.pem`, 'utf8');
    expect(verifyTimestampToken(token, note, timestampRoots([good])).root).toContain('CN=good');
  });
});

const run = promisify(execFile);

/**
 * A CA `chain-0` and intermediate CAs `chain-1` … `chain-7`, each certified by the one before (one key for all, as
 * names tell them apart); TSA certificates `leaf-8` and `leaf-9`, whose chains to `chain-0` are of that many
 * certificates; and `leaf-sha1`, certified by `chain-0` with a SHA-1 signature.
 */
async function makeLongChains(dir: string): Promise<void> {
  const openssl = (args: string[]) => run('openssl', args, { cwd: dir });
  const ext = (name: string, lines: string[]) => fs.writeFileSync(path.join(dir, name), `${lines.join('\n')}\n`);
  ext('ca.ext', ['basicConstraints=critical,CA:TRUE', 'keyUsage=critical,keyCertSign,cRLSign']);
  ext('leaf.ext', [
    'basicConstraints=critical,CA:FALSE',
    'keyUsage=critical,digitalSignature,nonRepudiation',
    'extendedKeyUsage=critical,timeStamping',
  ]);
  const issue = async (name: string, issuer: string, extFile: string, serial: number, digest = '-sha256') => {
    await openssl(['req', '-new', '-key', 'tsa.key', '-subj', `/O=Chain/CN=${name}`, '-out', `${name}.csr`]);
    await openssl(
      [
        'x509',
        '-req',
        '-in',
        `${name}.csr`,
        '-CA',
        `${issuer}.pem`,
        '-CAkey',
        'tsa.key',
        '-days',
        '825',
        digest,
      ].concat(['-set_serial', String(serial), '-extfile', extFile, '-out', `${name}.pem`]),
    );
  };
  await openssl(
    ['req', '-x509', '-new', '-key', 'tsa.key', '-subj', '/O=Chain/CN=chain-0', '-days', '3650', '-sha256'].concat(
      ['-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
      ['-out', 'chain-0.pem'],
    ),
  );
  for (let i = 1; i <= 7; i++) await issue(`chain-${i}`, `chain-${i - 1}`, 'ca.ext', 100 + i);
  await issue('leaf-8', 'chain-6', 'leaf.ext', 208);
  await issue('leaf-9', 'chain-7', 'leaf.ext', 209);
  await issue('leaf-sha1', 'chain-0', 'leaf.ext', 301, '-sha1');
}

/** A token by `leaf-<name>`, carrying `intermediates` intermediate CAs of its chain (`chain-1` on). */
async function stampByChain(
  dir: string,
  name: string,
  intermediates: number,
  message: Uint8Array,
): Promise<Uint8Array> {
  const carried = Array.from({ length: intermediates }, (_, i) => `chain-${i + 1}.pem`);
  fs.writeFileSync(
    path.join(dir, `carried-${name}.pem`),
    carried.map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join(''),
  );
  const config = [
    '[tsa]',
    'default_tsa = tsa_config1',
    '[tsa_config1]',
    `serial = ${dir}/tsaserial`,
    'crypto_device = builtin',
    `signer_cert = ${dir}/leaf-${name}.pem`,
    `certs = ${dir}/carried-${name}.pem`,
    `signer_key = ${dir}/tsa.key`,
    'signer_digest = sha256',
    'default_policy = 1.2.3.4.1',
    'digests = sha256',
    'ess_cert_id_alg = sha256',
  ];
  fs.writeFileSync(path.join(dir, `chain-${name}.cnf`), `${config.join('\n')}\n`);
  const nonce = randomBytes(8);
  fs.writeFileSync(path.join(dir, `chain-${name}.tsq`), timestampRequest(message, nonce));
  await run(
    'openssl',
    ['ts', '-reply', '-config', `chain-${name}.cnf`, '-queryfile', `chain-${name}.tsq`, '-out', `chain-${name}.tsr`],
    { cwd: dir },
  );
  return tokenOfResponse(fs.readFileSync(path.join(dir, `chain-${name}.tsr`)), message, nonce);
}

describe("the TSA's chain to a trusted certificate", () => {
  let roots: ReturnType<typeof timestampRoots>;
  beforeAll(async () => {
    await makeLongChains(pki.dir);
    roots = timestampRoots([fs.readFileSync(path.join(pki.dir, 'chain-0.pem'), 'utf8')]);
  }, 120_000);

  it('when the chain is of 8 certificates, then it is trusted; when of 9, then timestamp_untrusted', async () => {
    const eight = await stampByChain(pki.dir, '8', 6, note);
    expect(verifyTimestampToken(eight, note, roots).root).toContain('CN=chain-0');
    const nine = await stampByChain(pki.dir, '9', 7, note);
    expect(failureOf(() => verifyTimestampToken(nine, note, roots))).toEqual({
      code: 'timestamp_untrusted',
      detail: "the TSA's chain is longer than 8 certificates",
    });
  });

  it('when a certificate of the chain is signed with SHA-1, then timestamp_untrusted', async () => {
    const token = await stampByChain(pki.dir, 'sha1', 0, note);
    expect(failureOf(() => verifyTimestampToken(token, note, roots))).toEqual({
      code: 'timestamp_untrusted',
      detail:
        'the certificate CN=leaf-sha1, O=Chain is signed with sha1WithRSAEncryption, not RSA with SHA-256/384/512',
    });
  });
});

/** The SignerInfo's signature value (binary string): the last OCTET STRING of the one SignerInfo. */
function readSignatureBytes(token: Uint8Array): string {
  const signedData = (fromDer(token).value as Asn1[])[1]!.value as Asn1[];
  const fields = (signedData[0]!.value as Asn1[]).at(-1)!.value as Asn1[];
  const signerInfo = fields[0]!.value as Asn1[];
  return signerInfo[5]!.value as string;
}

describe('the time-stamped message of a checkpoint', () => {
  it("when a note carries cosignatures, then the message is the note with the log's own signature lines only", () => {
    const body = 'log.example/log\n3\nAAAA\n\n';
    const own = '— log.example/log c2ln\n';
    const cosigned = `${body}${own}— witness.example/w d2l0\n`;
    expect(timestampedMessage(`${body}${own}`, 'log.example/log').toString()).toBe(`${body}${own}`);
    expect(timestampedMessage(cosigned, 'log.example/log').toString()).toBe(`${body}${own}`);
  });
});
