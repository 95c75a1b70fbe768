import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { loadOrCreateKeys } from '../../../src/adapters/keys/file-keyring.js';
import { ConfigError } from '../../../src/errors.js';
import { keyResolver } from '../../../src/ledger/ed25519.js';
import { sealEvents } from '../../../src/ledger/envelope.js';
import { sm3Hex } from '../../../src/ledger/sm3.js';
import { SUITES } from '../../../src/ledger/suite.js';
import { verifyChain } from '../../../src/ledger/verify.js';
import { checkpointBody, openNote, signNote, verifierKey } from '../../../src/ledger/checkpoint.js';
import { canonicalize } from '../../../src/ledger/canonical-json.js';
import { draft, RECORDED_AT } from '../../support/events.js';

const clock = { now: () => new Date('2026-01-05T01:00:00Z') };

describe('the SM2 crypto suite', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'SM2' });
  const signer = SUITES.sm2.signer(privateKey);

  it('when events are sealed with an SM2 signer, then hash is SM3, sig.alg SM2-SM3, and the chain verifies only as the SM2 suite', () => {
    const events = sealEvents('case-1', null, [draft(), draft()], signer, RECORDED_AT);
    const { hash, sig, ...body } = events[0]!;
    expect(hash).toBe(sm3Hex(canonicalize(body)));
    expect(sig).toMatchObject({ alg: 'SM2-SM3', keyId: SUITES.sm2.keyIdOf(publicKey) });
    expect(sig.keyId).toMatch(/^sm2-[0-9a-f]{64}$/);
    const serviceKeys = keyResolver([publicKey]);
    expect(verifyChain(events, { serviceKeys })).toEqual({ ok: true });
    expect(verifyChain(events, { serviceKeys, suite: 'sm2' })).toEqual({ ok: true });
    expect(verifyChain(events, { serviceKeys, suite: 'ed25519' })).toMatchObject({
      ok: false,
      failure: { code: 'unsupported_algorithm' },
    });
    const altered = { ...events[1]!, data: { description: 'altered' } };
    expect(verifyChain([events[0], altered], { serviceKeys, suite: 'sm2' })).toMatchObject({
      ok: false,
      failure: { code: 'hash_mismatch' },
    });
  });

  it('when a checkpoint is signed with an SM2 key, then its note verifies with that key under type 0xff and not with another', () => {
    const body = checkpointBody({ origin: 'ledger.example/log', size: 1, rootHash: Buffer.alloc(32, 1) });
    const note = signNote(body, 'ledger.example/log', signer);
    expect(openNote(note, [{ name: 'ledger.example/log', publicKey }])?.verifiedBy).toEqual(['ledger.example/log']);
    const other = generateKeyPairSync('ec', { namedCurve: 'SM2' }).publicKey;
    expect(openNote(note, [{ name: 'ledger.example/log', publicKey: other }])).toBeUndefined();
    const vkey = Buffer.from(verifierKey('ledger.example/log', publicKey).split('+').slice(2).join('+'), 'base64');
    expect(vkey[0]).toBe(0xff);
    expect(vkey.subarray(1, 27).toString('ascii')).toBe('evidence-ledger/sm2-sm3/v1');
    expect(vkey).toHaveLength(1 + 26 + 65);
  });

  it('when a keyring made for one suite is loaded for the other, then loading stops naming LEDGER_CRYPTO_SUITE', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-suite-'));
    try {
      const keys = loadOrCreateKeys(dir, clock, 'sm2');
      expect(keys.eventSigner.suite).toBe('sm2');
      expect(keys.all.find((k) => k.purpose === 'event')?.algorithm).toBe('SM2-SM3');
      expect(loadOrCreateKeys(dir, clock, 'sm2').eventSigner.keyId).toBe(keys.eventSigner.keyId);
      let refused: unknown;
      try {
        loadOrCreateKeys(dir, clock, 'ed25519');
      } catch (err) {
        refused = err;
      }
      expect(refused).toBeInstanceOf(ConfigError);
      expect(String((refused as Error).message)).toMatch(/sm2 suite/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
