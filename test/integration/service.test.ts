import fs from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../src/config.js';
import { startService } from '../../src/compose.js';
import { ConfigError } from '../../src/errors.js';
import { CHECKPOINT_STREAM } from '../../projections/merkle.js';
import { seal } from '../support/events.js';
import { currentThreadId } from '../../src/thread-priority.js';
import { freshTempDir } from '../support/temp-dir.js';
import type { Clock } from '../../src/ports/clock.js';

const clock: Clock = { now: () => new Date('2026-11-20T00:00:00Z') };
const log = pino({ level: 'silent' });
const tempDir = freshTempDir('svc');

describe('the service', () => {
  it('when it is closed with appends in flight, then they all complete and are on disk afterwards', async () => {
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LEDGER_DATA_DIR: tempDir() });
    const service = await startService(config, { clock, log });
    // signed as the service signs: the stop signs a checkpoint over them, which the next start checks
    const signer = service.keys.eventSigner;
    const appends = Array.from({ length: 100 }, (_, i) =>
      service.events.append(`s-${i}`, seal(`s-${i}`, null, signer), 'no_stream'),
    );
    await service.close();
    const outcomes = await Promise.allSettled(appends);
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);

    const reopened = await startService(config, { clock, log });
    try {
      // the 100 appends, then the checkpoint the stop signed over them
      expect(await reopened.events.headPosition()).toBe(101);
      const [last] = await reopened.events.readStream(CHECKPOINT_STREAM, { direction: 'backward', limit: 1 });
      expect([last?.position, last?.event.type, (last?.event.data as { size?: number }).size]).toEqual([
        101,
        'CheckpointIssued',
        100,
      ]);
      expect(reopened.keys.eventSigner.keyId).toBe(service.keys.eventSigner.keyId);
    } finally {
      await reopened.close();
    }
  });

  it('when the log was checkpointed under one LEDGER_LOG_ORIGIN and the service starts under another, then start-up stops naming the origin, and signs nothing', async () => {
    const dataDir = tempDir();
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LEDGER_DATA_DIR: dataDir });
    const first = await startService(config, { clock, log });
    await first.events.append('s-1', seal('s-1', null, first.keys.eventSigner), 'no_stream');
    await first.close(); // the stop signs a checkpoint under the default origin
    const renamed = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      LEDGER_DATA_DIR: dataDir,
      LEDGER_LOG_ORIGIN: 'ledger.example.gov.cn/log',
    });
    await expect(startService(renamed, { clock, log })).rejects.toMatchObject({
      code: 'config_invalid',
      variable: 'LEDGER_LOG_ORIGIN',
      message: expect.stringContaining(
        'signed under the origin "evidence-ledger.local/log" (the latest at tree size 1, recorded ',
      ),
    });
    // refused before anything was appended, and the data folder was released: the same origin serves
    const again = await startService(config, { clock, log });
    try {
      expect(await again.events.headPosition()).toBe(2);
    } finally {
      await again.close();
    }
  });

  it('when a stopped service left an upload part way in media/tmp/, then the next start removes it and says so', async () => {
    const dataDir = tempDir();
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LEDGER_DATA_DIR: dataDir });
    await (await startService(config, { clock, log })).close();
    // what kill -9 during POST /v1/media leaves: the body received so far, under a random name
    const tmp = path.join(dataDir, 'media', 'tmp');
    fs.writeFileSync(path.join(tmp, '0b7e4c1e-5d3a-4f6b-9c2d-1a2b3c4d5e6f'), Buffer.alloc(4096, 1));
    fs.writeFileSync(path.join(tmp, '7f1d2e3c-4b5a-4c6d-8e9f-0a1b2c3d4e5f.json'), '{"sha256":');
    const lines: { msg: string; [k: string]: unknown }[] = [];
    const captured = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const service = await startService(config, { clock, log: captured });
    try {
      expect(fs.readdirSync(tmp)).toEqual([]);
      expect(lines.find((l) => l.msg.startsWith('media: removed uploads a stopped service left'))).toMatchObject({
        removed: 2,
      });
    } finally {
      await service.close();
    }
  });

  it('when a LEDGER_ variable is mistyped, then start-up warns naming it and the data folder in use; a first start says it made keys and a new log', async () => {
    const lines: { level: number; msg: string; [k: string]: unknown }[] = [];
    const captured = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const dataDir = tempDir();
    const env = { PORT: '0', HOST: '127.0.0.1', LEDGER_DATA_DIR: dataDir, LEDGER_DATA_DIRECTORY: '/srv/ledger' };
    const service = await startService(loadConfig({ ...env, LEDGER_TOKEN: 'a token for the commands' }), {
      clock,
      log: captured,
    });
    await service.close();
    const warnings = lines.filter((l) => l.level >= 40);
    expect(warnings.map((l) => [l.msg, l.variables])).toEqual([
      [
        `configuration: LEDGER_DATA_DIRECTORY is no setting of the service and ignored: mistyped? (docs/configuration.md lists the settings; the data folder is ${dataDir})`,
        ['LEDGER_DATA_DIRECTORY'],
      ],
    ]);
    const said = (start: string) => lines.find((l) => l.msg.startsWith(start));
    expect(said('keys: the keys folder held no keyring: made one')).toMatchObject({
      keysDir: path.join(dataDir, 'keys'),
    });
    expect(said('log: empty: a new ledger starts here')).toMatchObject({ dataDir });
    // where threads have nice values of their own (Linux), the projection thread's is said
    if (typeof currentThreadId() === 'number') {
      expect(said('projections: the projection thread runs at nice 10')).toMatchObject({ nice: 10 });
    }
    expect(said('listening')).toMatchObject({ dataDir, keysDir: path.join(dataDir, 'keys') });

    // started again on the same folder: the keys and the log are there, and nothing says otherwise
    lines.length = 0;
    const again = await startService(loadConfig(env), { clock, log: captured });
    await again.close();
    expect(said('keys: the keys folder held no keyring')).toBeUndefined();
    expect(said('log: empty')).toBeUndefined();
    expect(said('metrics: GET /metrics is public')).toBeUndefined(); // on the loopback address only this machine reaches

    // on every address without METRICS_TOKEN, the metrics are public: said; with it, not
    for (const [extra, warned] of [
      [{}, true],
      [{ METRICS_TOKEN: 'a-scraper-token-of-24-chars' }, false],
    ] as const) {
      lines.length = 0;
      const open = await startService(loadConfig({ ...env, HOST: '0.0.0.0', ...extra }), { clock, log: captured });
      await open.close();
      expect([extra, said('metrics: GET /metrics is public (METRICS_TOKEN unset)')?.level]).toEqual([
        extra,
        warned ? 40 : undefined,
      ]);
    }
  });

  it('when a prepared read-models file is beside read models that are current, then start-up says it is not needed and keeps it', async () => {
    const lines: { level: number; msg: string; [k: string]: unknown }[] = [];
    const captured = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LEDGER_DATA_DIR: tempDir() });
    await (await startService(config, { clock, log })).close();
    const prepared = path.join(tempDir(), 'read-models.sqlite.next');
    fs.writeFileSync(prepared, Buffer.alloc(4096)); // as a prepare for another version leaves it, as far as a start sees
    await (await startService(config, { clock, log: captured })).close();
    expect(
      lines.find((l) => l.msg.startsWith('read models: a file prepared by ledger rebuild --prepare')),
    ).toMatchObject({
      file: prepared,
      bytes: 4096,
    });
    expect(fs.existsSync(prepared)).toBe(true);
  });

  it('when LEDGER_KEYS_DIR names a folder without keys beside a log signed before, then start-up stops naming it and makes no key', async () => {
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LEDGER_DATA_DIR: tempDir() });
    const first = await startService(config, { clock, log });
    await first.events.append('s-1', seal('s-1', null, first.keys.eventSigner), 'no_stream');
    await first.close();
    const elsewhere = path.join(tempDir(), 'mistyped-keys');
    const wrong = loadConfig({ PORT: '0', HOST: '127.0.0.1', LEDGER_DATA_DIR: tempDir(), LEDGER_KEYS_DIR: elsewhere });
    await expect(startService(wrong, { clock, log })).rejects.toMatchObject({
      code: 'config_invalid',
      message: expect.stringMatching(
        /^LEDGER_KEYS_DIR: .*mistyped-keys holds no keys, but the log already holds events/,
      ),
    });
    // nothing made there: no keyring, nor the data keys' master key beside it
    expect(fs.existsSync(elsewhere) ? fs.readdirSync(elsewhere) : []).toEqual([]);
    // the right folder still serves, and the data folder was released
    const again = await startService(config, { clock, log });
    await again.close();
  });

  it.each(['esdb://localhost:2113?tls=maybe', 'esdb://[::1'])(
    'when EVENTSTORE_URL is %s, which the client cannot read, then start-up stops naming the variable',
    async (url) => {
      const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LEDGER_DATA_DIR: tempDir(), EVENTSTORE_URL: url });
      await expect(startService(config, { clock, log })).rejects.toMatchObject({
        code: 'config_invalid',
        message: expect.stringMatching(/^EVENTSTORE_URL: is not a connection string the client reads: Unexpected/),
      });
    },
  );

  it('when the port is taken, then start-up fails and releases the store', async () => {
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LEDGER_DATA_DIR: tempDir() });
    const first = await startService(config, { clock, log });
    const clash = loadConfig({
      PORT: String(first.port),
      HOST: '127.0.0.1',
      LEDGER_DATA_DIR: path.join(tempDir(), 'other'),
    });
    await expect(startService(clash, { clock, log })).rejects.toMatchObject({
      code: 'EADDRINUSE',
      message: expect.stringContaining(`cannot listen on 127.0.0.1:${first.port} (HOST, PORT)`),
    });
    await first.close();
  });

  it('when HOST is not an address of this machine, then start-up fails with a message naming HOST', async () => {
    const config = loadConfig({ PORT: '0', HOST: '999.1.1.1', LEDGER_DATA_DIR: tempDir() });
    await expect(startService(config, { clock, log })).rejects.toMatchObject({
      message: expect.stringMatching(/^cannot listen on 999\.1\.1\.1:0 \(HOST, PORT\): /),
    });
    // the data folder was released: a service starts on it
    const again = await startService(loadConfig({ PORT: '0', HOST: '127.0.0.1', LEDGER_DATA_DIR: tempDir() }), {
      clock,
      log,
    });
    await again.close();
  });

  it('when no accepted token algorithm fits the trusted token keys, then start-up stops naming JWT_ALGORITHMS', async () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const file = path.join(tempDir(), 'idp.pem');
    fs.writeFileSync(file, publicKey.export({ type: 'spki', format: 'pem' }) as string);
    const base = { PORT: '0', HOST: '127.0.0.1', JWT_PUBLIC_KEY_FILES: file };
    // an RSA key and only ES256 accepted (the default): no token could ever verify
    await expect(
      startService(loadConfig({ ...base, LEDGER_DATA_DIR: path.join(tempDir(), 'a') }), { clock, log }),
    ).rejects.toMatchObject({ constructor: ConfigError, variable: 'JWT_ALGORITHMS' });
    // the embedded token key is EC P-256: RS256 alone fits it no better
    await expect(
      startService(loadConfig({ PORT: '0', JWT_ALGORITHMS: 'RS256', LEDGER_DATA_DIR: path.join(tempDir(), 'b') }), {
        clock,
        log,
      }),
    ).rejects.toMatchObject({ constructor: ConfigError, variable: 'JWT_ALGORITHMS' });
    const fitting = await startService(
      loadConfig({ ...base, JWT_ALGORITHMS: 'ES256,RS256', LEDGER_DATA_DIR: path.join(tempDir(), 'c') }),
      { clock, log },
    );
    await fitting.close();
  });

  it.each([
    ['a day that is no date', { years: { '2027': { holidays: [], workdays: ['2027-02-30'] } } }, /2027-02-30/],
    [
      'a holiday outside its year',
      { years: { '2027': { holidays: [{ name: '元旦', days: ['2026-01-01'] }], workdays: [] } } },
      /2026-01-01 is outside 2026-12-01 \.\. 2027-12-31/,
    ],
    [
      'a day both holiday and working day',
      { years: { '2027': { holidays: [{ name: '春节', days: ['2027-02-06'] }], workdays: ['2027-02-06'] } } },
      /2027-02-06 is listed twice/,
    ],
    ['the year 0001', { years: { '0001': { holidays: [], workdays: [] } } }, /the year must be from 2000 to 2199/],
    ['text that is not JSON', 'calendar-host\nsecond line\n', /is not JSON/],
  ])(
    'when a replacement calendar file holds %s, then start-up stops with one line naming WORKING_DAY_CALENDAR_FILE and the file',
    async (_what, content, reason) => {
      const file = path.join(tempDir(), 'calendar.json');
      fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
      const config = loadConfig({ PORT: '0', LEDGER_DATA_DIR: tempDir(), WORKING_DAY_CALENDAR_FILE: file });
      const err = await startService(config, { clock, log }).then(
        () => {
          throw new Error('start-up went on');
        },
        (e: unknown) => e as ConfigError,
      );
      expect(err).toBeInstanceOf(ConfigError);
      expect(err.variable).toBe('WORKING_DAY_CALENDAR_FILE');
      expect(err.message.startsWith('WORKING_DAY_CALENDAR_FILE: ')).toBe(true);
      expect(err.message).toContain(file);
      expect(err.message).toMatch(reason);
      expect(err.message).not.toContain('\n');
    },
  );

  // a folder the file system refuses under an existing parent: as a path given by mistake would be (root makes any
  // folder a mode would refuse, so /proc stands in for one that cannot be made)
  const procReason = fs.existsSync('/proc/self') ? undefined : 'no /proc on this system';
  if (procReason) console.log(`path settings under /proc: not run: ${procReason}`);
  (procReason ? it.skip : it).each([
    ['LEDGER_DATA_DIR', '/proc/ledger-not-here/data', '/proc/ledger-not-here/data'],
    ['LEDGER_KEYS_DIR', '/proc/ledger-not-here/keys', '/proc/ledger-not-here/keys'],
    ['LEDGER_MASTER_KEY_FILE', '/proc/ledger-not-here/x.key', '/proc/ledger-not-here'],
    ['LEDGER_DATA_KEYS_FILE', '/proc/ledger-not-here/dk.sqlite', '/proc/ledger-not-here'],
  ])(
    'when %s names a place whose folder cannot be made, then start-up stops naming the variable and the folder',
    async (variable, value, folder) => {
      const config = loadConfig({ PORT: '0', LEDGER_DATA_DIR: tempDir(), [variable]: value });
      await expect(startService(config, { clock, log })).rejects.toMatchObject({
        constructor: ConfigError,
        variable,
        message: expect.stringMatching(
          new RegExp(`^${variable}: the folder ${folder} cannot be made \\(ENOENT: .*\\): name a folder that exists`),
        ),
      });
    },
  );

  it('when a valid replacement calendar is configured, then the service counts with it', async () => {
    const file = path.join(tempDir(), 'calendar.json');
    fs.writeFileSync(
      file,
      JSON.stringify({ years: { '2027': { holidays: [{ name: '元旦', days: ['2027-01-01'] }], workdays: [] } } }),
    );
    const service = await startService(
      loadConfig({ PORT: '0', HOST: '127.0.0.1', LEDGER_DATA_DIR: tempDir(), WORKING_DAY_CALENDAR_FILE: file }),
      { clock, log },
    );
    expect(service.calendar.coveredYears).toEqual([2027]);
    expect(service.calendar.isWorkingDay('2027-01-01')).toBe(false);
    await service.close();
  });

  it('when a backend this version cannot run is configured, then start-up names the variable', async () => {
    // EVENTSTORE_URL runs (test/http/eventstoredb-service.test.ts); S3 does not yet
    const s3 = loadConfig({ LEDGER_DATA_DIR: tempDir(), S3_BUCKET: 'evidence', PORT: '0' });
    await expect(startService(s3, { clock, log })).rejects.toMatchObject({
      constructor: ConfigError,
      variable: 'S3_BUCKET',
    });
  });
});
