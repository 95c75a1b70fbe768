import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { differingSettings } from '../../src/app/shared-settings.js';
import { loadConfig } from '../../src/config.js';
import { sharedSettingsOf } from '../../src/shared-settings.js';

const SCHEDULE = { years: { 2026: { holidays: [], workdays: [] } } };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shared-settings-'));
const pem = (name: string) => {
  const file = path.join(dir, name);
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  fs.writeFileSync(file, publicKey.export({ type: 'spki', format: 'pem' }));
  return file;
};
const [keyA, keyB] = [pem('a.pem'), pem('b.pem')];
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const BASE = { LEDGER_DATA_DIR: dir, JWT_PUBLIC_KEY_FILES: keyA };
const settings = (env: Record<string, string>, schedule: object = SCHEDULE) =>
  sharedSettingsOf(loadConfig({ ...BASE, ...env }, dir), schedule as typeof SCHEDULE);

describe('the settings replicas of one log share, as digests', () => {
  it('when each shared variable is changed alone, then exactly its digest differs', () => {
    const base = settings({});
    const changes: [string, Record<string, string>][] = [
      ['LEDGER_LOG_ORIGIN', { LEDGER_LOG_ORIGIN: 'ledger.example.gov.cn/other' }],
      ['JWT_ISSUER', { JWT_ISSUER: 'https://id.example.gov.cn' }],
      ['JWT_AUDIENCE', { JWT_AUDIENCE: 'other' }],
      ['JWT_ALGORITHMS', { JWT_ALGORITHMS: 'ES256,ES384' }],
      ['JWT_CLOCK_SKEW_SECONDS', { JWT_CLOCK_SKEW_SECONDS: '5' }],
      ['JWT_MAX_LIFETIME_SECONDS', { JWT_MAX_LIFETIME_SECONDS: '600' }],
      ['JWT_TRUSTED_KEYS', { JWT_PUBLIC_KEY_FILES: keyB }],
      ['LEDGER_UTC_OFFSET', { LEDGER_UTC_OFFSET: '+09:00' }],
      ['AGENCY_UTC_OFFSETS', { AGENCY_UTC_OFFSETS: 'harbour=+07:00' }],
      ['CALENDAR_AGENCY', { CALENDAR_AGENCY: 'county-justice' }],
    ];
    for (const [name, env] of changes) expect([name, differingSettings(base, settings(env))]).toEqual([name, [name]]);
    const otherSchedule = { years: { 2026: { holidays: [{ name: '元旦', days: ['2026-01-01'] }], workdays: [] } } };
    expect(differingSettings(base, settings({}, otherSchedule))).toEqual(['WORKING_DAY_CALENDAR_FILE']);
  });

  it('when the same settings are written in another order or form, then the digests are the same', () => {
    const one = settings({ AGENCY_UTC_OFFSETS: 'a=+07:00,b=+09:00', JWT_ALGORITHMS: 'ES256,ES384' });
    const other = settings({ AGENCY_UTC_OFFSETS: 'b=+09:00, a=+07:00', JWT_ALGORITHMS: 'ES384,ES256' });
    expect(differingSettings(one, other)).toEqual([]);
    // a copy of the same key file is the same key
    const copy = path.join(dir, 'copy.pem');
    fs.copyFileSync(keyA, copy);
    expect(differingSettings(settings({}), settings({ JWT_PUBLIC_KEY_FILES: copy }))).toEqual([]);
    // no setting is written in clear
    expect(Object.values(settings({})).every((d) => /^[0-9a-f]{64}$/.test(d))).toBe(true);
  });

  it('when a name is on one side only, then it differs', () => {
    expect(differingSettings({ A: '1', B: '2' }, { B: '2', C: '3' })).toEqual(['A', 'C']);
  });
});
