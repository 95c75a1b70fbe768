import { generateKeyPairSync } from 'node:crypto';
import { loadConfig } from '../../src/config.js';
import { verifierKey } from '../../src/ledger/checkpoint.js';
import { cosignatureVerifierKey } from '../../src/ledger/cosignature.js';

const witnessKey = (name: string) => cosignatureVerifierKey(name, generateKeyPairSync('ed25519').publicKey);

describe('WITNESSES', () => {
  it('when witnesses are listed, then each has its URL (no trailing slash), key and name', () => {
    const [a, b] = [witnessKey('procuratorate.example/w'), witnessKey('court.example/w')];
    const { witnesses } = loadConfig({ WITNESSES: `https://w1.example/ ${a}, http://127.0.0.1:8090  ${b}` });
    expect(witnesses.endpoints).toEqual([
      { url: 'https://w1.example', key: a, name: 'procuratorate.example/w' },
      { url: 'http://127.0.0.1:8090', key: b, name: 'court.example/w' },
    ]);
    expect([witnesses.timeoutMs, witnesses.retryMaxSeconds, witnesses.bundleWaitMs]).toEqual([10_000, 300, 5_000]);
    expect(loadConfig({}).witnesses.endpoints).toEqual([]);
  });

  it.each([
    ['https://w.example/', 'no key'],
    ['ftp://w.example/ KEY', 'not http'],
    ['https://w.example/ NOTE', 'a note key (type 0x01), not a cosignature key'],
    ['https://w.example/ BADHASH', 'a key ID that does not match'],
    ['https://w.example/ KEY,https://w2.example/ KEY', 'the same key twice'],
  ])('when an entry is "%s" (%s), then start-up stops naming WITNESSES', (entry) => {
    const key = witnessKey('w.example/w');
    const note = verifierKey('w.example/w', generateKeyPairSync('ed25519').publicKey);
    const badHash = key.replace(
      /\+([0-9a-f]{8})\+/,
      (_m, h: string) => `+${h === '00000000' ? '00000001' : '00000000'}+`,
    );
    const value = entry.replaceAll('BADHASH', badHash).replaceAll('NOTE', note).replaceAll('KEY', key);
    expect(() => loadConfig({ WITNESSES: value })).toThrow(/WITNESSES/);
  });
});

describe('WITNESS_QUORUM', () => {
  it('when it is not set, then every witness must have cosigned; when set, that many', () => {
    const [a, b] = [witnessKey('procuratorate.example/w'), witnessKey('court.example/w')];
    const both = `https://w1.example/ ${a},https://w2.example/ ${b}`;
    expect(loadConfig({ WITNESSES: both }).witnesses.quorum).toBe(2);
    expect(loadConfig({ WITNESSES: both, WITNESS_QUORUM: '1' }).witnesses.quorum).toBe(1);
    expect(loadConfig({}).witnesses.quorum).toBe(0);
  });

  it.each([
    ['0', 'none'],
    ['3', 'more than the witnesses'],
    ['two', 'not a number'],
  ])('when it is "%s" (%s), then start-up stops naming WITNESS_QUORUM', (value) => {
    const both = `https://w1.example/ ${witnessKey('a.example/w')},https://w2.example/ ${witnessKey('b.example/w')}`;
    expect(() => loadConfig({ WITNESSES: both, WITNESS_QUORUM: value })).toThrow(/WITNESS_QUORUM/);
  });

  it('when it is set without witnesses, then start-up stops naming WITNESS_QUORUM', () => {
    expect(() => loadConfig({ WITNESS_QUORUM: '1' })).toThrow(/WITNESS_QUORUM/);
  });
});
