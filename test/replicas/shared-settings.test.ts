import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { SHARED_SETTINGS_STREAM } from '../../src/app/shared-settings.js';
import { EventStoreDbStandIn } from '../support/eventstoredb-standin.js';
import { until } from '../support/replicas.js';
import { startTestService, type TestService } from '../support/service.js';

/**
 * Replicas of one log must share their settings (docs/architecture.md, "Several replicas"): the first declares its
 * own in the log, one with other settings is refused at start-up naming the variable, and one started with
 * LEDGER_SHARED_SETTINGS=adopt declares its settings for all, which the replicas already running log and count.
 */
describe('the settings replicas of one log share', () => {
  let standIn: EventStoreDbStandIn;
  let keysDir: string;
  let a: TestService;
  const others: TestService[] = [];
  const lines: string[] = [];
  const logged = () => lines.map((l) => JSON.parse(l) as { level: number; msg: string; differing?: string[] });
  const replica = (env: Record<string, string> = {}, log?: pino.Logger) =>
    startTestService({ EVENTSTORE_URL: standIn.url, LEDGER_KEYS_DIR: keysDir, ...env }, log ? { log } : {}).then(
      (t) => (others.push(t), t),
    );
  const declarations = async () =>
    (await a.service.events.readStream(SHARED_SETTINGS_STREAM)).map((r) => r.event.data as { settings: object });

  beforeAll(async () => {
    standIn = await EventStoreDbStandIn.start({ batchAppend: false });
    keysDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-keys-'));
    const log = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
    a = await startTestService({ EVENTSTORE_URL: standIn.url, LEDGER_KEYS_DIR: keysDir }, { log });
  }, 120_000);
  afterAll(async () => {
    await Promise.all([...others, a].filter(Boolean).map((t) => t.stop()));
    await standIn?.stop();
    fs.rmSync(keysDir, { recursive: true, force: true });
  });

  it('when the first replica starts, then it declares its settings, as digests; a second with the same ones adds nothing', async () => {
    const [first, ...more] = await declarations();
    expect(more).toEqual([]);
    expect(Object.keys(first!.settings)).toEqual(expect.arrayContaining(['AGENCY_UTC_OFFSETS', 'JWT_ISSUER']));
    expect(Object.values(first!.settings).every((d) => /^[0-9a-f]{64}$/.test(String(d)))).toBe(true);
    await replica();
    expect(await declarations()).toHaveLength(1);
  }, 120_000);

  it('when a replica starts with another UTC offset or calendar keeper, then start-up is refused, naming the variable and how to change it for all', async () => {
    for (const [variable, value] of [
      ['AGENCY_UTC_OFFSETS', 'harbour=+07:00'],
      ['CALENDAR_AGENCY', 'county-justice'],
    ]) {
      const attempt = replica({ [variable!]: value! });
      await expect(attempt).rejects.toMatchObject({
        code: 'config_invalid',
        variable,
        message: expect.stringContaining('LEDGER_SHARED_SETTINGS=adopt'),
      });
    }
    expect(await declarations()).toHaveLength(1);
  }, 120_000);

  it('when a replica starts with LEDGER_SHARED_SETTINGS=adopt, then it declares its settings, and the first logs and counts that it no longer agrees', async () => {
    await replica({ AGENCY_UTC_OFFSETS: 'harbour=+07:00', LEDGER_SHARED_SETTINGS: 'adopt' });
    expect(await declarations()).toHaveLength(2);
    await until('the first replica to log the other settings', () =>
      logged().some((l) => l.msg.startsWith('settings: another replica declared') && l.level === 50),
    );
    const error = logged().find((l) => l.msg.startsWith('settings: another replica declared'));
    expect(error?.differing).toEqual(['AGENCY_UTC_OFFSETS']);
    const metrics = (await a.call('GET', '/metrics')).body as string;
    expect(metrics).toContain('ledger_shared_settings_agree 0');
    // a replica started now with the first one's settings is refused: the adopted ones are in force
    await expect(replica()).rejects.toMatchObject({ code: 'config_invalid', variable: 'AGENCY_UTC_OFFSETS' });
  }, 120_000);
});
