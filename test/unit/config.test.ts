import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CONFIG_VARIABLES, loadConfig, utcOffsetOf } from '../../src/config.js';
import { ConfigError } from '../../src/errors.js';

const cwd = '/srv/ledger';

describe('configuration', () => {
  /** Variables that mean something only with others set: the S3 media store, an identity provider. */
  const context = (name: string): Record<string, string> =>
    name.startsWith('S3_')
      ? { S3_BUCKET: 'evidence' }
      : name.startsWith('OIDC_')
        ? {
            OIDC_ISSUER: 'https://idp.county.gov.cn',
            OIDC_CLIENT_ID: 'ledger',
            OIDC_CLIENT_SECRET: 's3cret',
            OIDC_REDIRECT_URL: 'https://ledger.county.gov.cn/signin/callback',
          }
        : {};
  /** The default `--help` and docs/configuration.md give, when it is a value one could set (not "(unset: …)"). */
  const literalDefaults = CONFIG_VARIABLES.flatMap(({ name, default: given }) => {
    const value = given.replace(/ \(.*\)$/, '');
    return /^[($]/.test(value) || value.includes(' when ') ? [] : [[name, value] as const];
  });
  const comparable = (config: unknown) => JSON.stringify(config, (_k, v: unknown) => (v instanceof Map ? [...v] : v));

  it.each(literalDefaults)(
    'when %s is set to its documented default %s, then the configuration is as without it',
    (name, value) => {
      const without = loadConfig(context(name), cwd);
      expect(comparable(loadConfig({ ...context(name), [name]: value }, cwd))).toBe(comparable(without));
    },
  );

  it('when a folder setting names a file, or a file setting a folder, or either a path below a file, then the variable is named', () => {
    const here = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-config-'));
    try {
      const file = path.join(here, 'a-file');
      fs.writeFileSync(file, '');
      for (const name of ['LEDGER_DATA_DIR', 'LEDGER_KEYS_DIR']) {
        expect(() => loadConfig({ [name]: file }, here)).toThrow(
          new ConfigError(name, `${file} is a file, not a folder`),
        );
      }
      for (const name of ['LEDGER_DATA_KEYS_FILE', 'LEDGER_MASTER_KEY_FILE']) {
        expect(() => loadConfig({ [name]: here }, here)).toThrow(
          new ConfigError(name, `${here} is a folder, not a file`),
        );
      }
      // a path below a file can never be made
      const below = path.join(file, 'more', 'x');
      for (const name of ['LEDGER_DATA_DIR', 'LEDGER_KEYS_DIR', 'LEDGER_DATA_KEYS_FILE', 'LEDGER_MASTER_KEY_FILE']) {
        expect(() => loadConfig({ [name]: below }, here)).toThrow(
          new ConfigError(name, `${below} cannot be made: ${file} is a file, not a folder`),
        );
      }
      // absent ones are made when first needed
      expect(loadConfig({ LEDGER_DATA_DIR: path.join(here, 'new') }, here).dataDir).toBe(path.join(here, 'new'));
    } finally {
      fs.rmSync(here, { recursive: true, force: true });
    }
  });

  it('when nothing is set, then the embedded default runs on :8080 with data under ./data', () => {
    const config = loadConfig({}, cwd);
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      dataDir: path.join(cwd, 'data'),
      keysDir: path.join(cwd, 'data', 'keys'),
      logLevel: 'info',
      eventStore: { kind: 'sqlite', path: path.join(cwd, 'data', 'events.sqlite') },
      blobStore: { kind: 'filesystem', dir: path.join(cwd, 'data', 'media') },
      mediaMaxBytes: 2_147_483_648,
      readWaitMs: 5_000,
      jwt: {
        issuer: 'evidence-ledger',
        audience: 'evidence-ledger',
        algorithms: ['ES256'],
        clockSkewSeconds: 30,
        trust: { kind: 'embedded' },
      },
    });
  });

  it('when the production variables are set, then EventStoreDB, S3 and external token keys are selected', () => {
    const config = loadConfig(
      {
        PORT: '9000',
        LEDGER_DATA_DIR: '/var/lib/ledger',
        EVENTSTORE_URL: 'esdb://eventstore:2113?tls=false',
        S3_ENDPOINT: 'http://minio:9000',
        S3_BUCKET: 'evidence',
        S3_ACCESS_KEY_ID: 'id',
        S3_SECRET_ACCESS_KEY: 'secret',
        JWT_ALGORITHMS: 'RS256,ES256',
        JWT_PUBLIC_KEY_FILES: 'a.pem, b.pem',
      },
      cwd,
    );
    expect(config.port).toBe(9000);
    expect(config.eventStore).toEqual({ kind: 'eventstoredb', url: 'esdb://eventstore:2113?tls=false' });
    expect(config.blobStore).toEqual({
      kind: 's3',
      bucket: 'evidence',
      region: 'us-east-1',
      endpoint: 'http://minio:9000',
      accessKeyId: 'id',
      secretAccessKey: 'secret',
      forcePathStyle: true,
    });
    expect(config.jwt.algorithms).toEqual(['RS256', 'ES256']);
    expect(config.jwt.trust).toEqual({ kind: 'pem', files: [path.join(cwd, 'a.pem'), path.join(cwd, 'b.pem')] });
  });

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['PORT', { PORT: '-1' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
    ['EVENTSTORE_URL', { EVENTSTORE_URL: 'http://eventstore:2113' }],
    ['S3_BUCKET', { S3_ENDPOINT: 'http://minio:9000' }],
    ['S3_BUCKET', { S3_BUCKET: 'Not_A_Bucket' }],
    ['S3_ENDPOINT', { S3_BUCKET: 'evidence', S3_ENDPOINT: 'minio:9000' }],
    ['S3_ENDPOINT', { S3_BUCKET: 'evidence', S3_ENDPOINT: 'ftp://minio' }],
    ['S3_SECRET_ACCESS_KEY', { S3_BUCKET: 'evidence', S3_ACCESS_KEY_ID: 'id' }],
    ['S3_FORCE_PATH_STYLE', { S3_BUCKET: 'evidence', S3_FORCE_PATH_STYLE: 'maybe' }],
    ['S3_REGION', { S3_BUCKET: 'evidence', S3_REGION: 'us east 1' }],
    ['S3_REGION', { S3_BUCKET: 'evidence', S3_REGION: 'cn-north-1.' }],
    ['JWT_ALGORITHMS', { JWT_ALGORITHMS: 'none' }],
    ['JWT_ALGORITHMS', { JWT_ALGORITHMS: 'HS256' }],
    ['JWT_ALGORITHMS', { JWT_ALGORITHMS: 'ES256,' }],
    ['JWT_JWKS_FILE', { JWT_JWKS_FILE: 'k.json', JWT_PUBLIC_KEY_FILES: 'a.pem' }],
    ['JWT_PUBLIC_KEY_FILES', { JWT_PUBLIC_KEY_FILES: 'a.pem,' }],
    ['JWT_PUBLIC_KEY_FILES', { JWT_PUBLIC_KEY_FILES: 'a.pem, ,b.pem' }],
    ['JWT_CLOCK_SKEW_SECONDS', { JWT_CLOCK_SKEW_SECONDS: '3600' }],
    ['SHUTDOWN_TIMEOUT_MS', { SHUTDOWN_TIMEOUT_MS: '1.5' }],
    ['READ_WAIT_MS', { READ_WAIT_MS: '-1' }],
    ['READ_WAIT_MS', { READ_WAIT_MS: '600001' }],
    ['LEDGER_REBUILD_THREADS', { LEDGER_REBUILD_THREADS: '3' }],
    ['LEDGER_REBUILD_THREADS', { LEDGER_REBUILD_THREADS: '0' }],
    ['LEDGER_PROJECTION_NICE', { LEDGER_PROJECTION_NICE: '20' }],
    ['LEDGER_PROJECTION_NICE', { LEDGER_PROJECTION_NICE: '-1' }],
    ['MEDIA_MAX_BYTES', { MEDIA_MAX_BYTES: '0' }],
    ['MEDIA_MAX_BYTES', { MEDIA_MAX_BYTES: '2GiB' }],
    ['MEDIA_MAX_BYTES', { MEDIA_MAX_BYTES: '1099511627777' }],
    ['LEDGER_UTC_OFFSET', { LEDGER_UTC_OFFSET: '8' }],
    ['LEDGER_UTC_OFFSET', { LEDGER_UTC_OFFSET: '+15:00' }],
    ['LEDGER_UTC_OFFSET', { LEDGER_UTC_OFFSET: '+08:60' }],
    ['AGENCY_UTC_OFFSETS', { AGENCY_UTC_OFFSETS: 'county-a' }],
    ['AGENCY_UTC_OFFSETS', { AGENCY_UTC_OFFSETS: 'county-a=+5' }],
    ['AGENCY_UTC_OFFSETS', { AGENCY_UTC_OFFSETS: 'county-a=+05:00,county-a=+06:00' }],
    ['AGENCY_UTC_OFFSETS', { AGENCY_UTC_OFFSETS: 'county a=+05:00' }],
    ['CALENDAR_AGENCY', { CALENDAR_AGENCY: 'county justice' }],
    ['CALENDAR_AGENCY', { CALENDAR_AGENCY: '-county-justice' }],
    ['CALENDAR_AGENCY', { CALENDAR_AGENCY: 'county/justice' }],
    ['CALENDAR_AGENCY', { CALENDAR_AGENCY: 'county-justice,harbour' }],
    ['CALENDAR_AGENCY', { CALENDAR_AGENCY: `c${'j'.repeat(128)}` }],
  ])('when %s is wrong, then loading fails with an error naming it', (variable, env) => {
    let error: unknown;
    try {
      loadConfig(env, cwd);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as Error).message.startsWith(`${variable}: `)).toBe(true);
  });

  it('when the UTC offsets are set, then agencies named have theirs and every other the default', () => {
    expect(loadConfig({}, cwd).utcOffsets).toEqual({ defaultMinutes: 480, agencies: new Map() });
    const { utcOffsets } = loadConfig(
      { LEDGER_UTC_OFFSET: '-03:30', AGENCY_UTC_OFFSETS: ' county-a=+05:45 , harbour=+00:00' },
      cwd,
    );
    expect(utcOffsets).toEqual({
      defaultMinutes: -210,
      agencies: new Map([
        ['county-a', 345],
        ['harbour', 0],
      ]),
    });
    expect([utcOffsetOf(utcOffsets, 'harbour'), utcOffsetOf(utcOffsets, 'constructor')]).toEqual([0, -210]);
  });

  it('when CALENDAR_AGENCY names an agency, then its admins keep the calendar; unset, no agency does', () => {
    expect(loadConfig({}, cwd).calendarAgency).toBeUndefined();
    expect(loadConfig({ CALENDAR_AGENCY: ' county-justice ' }, cwd).calendarAgency).toBe('county-justice');
    expect(loadConfig({ CALENDAR_AGENCY: 'Bureau_2.x' }, cwd).calendarAgency).toBe('Bureau_2.x');
    expect(loadConfig({ CALENDAR_AGENCY: `c${'j'.repeat(127)}` }, cwd).calendarAgency).toHaveLength(128);
  });

  it('when MEDIA_MAX_BYTES is set, then uploads are limited to that many bytes', () => {
    expect(loadConfig({ MEDIA_MAX_BYTES: '1048576' }, cwd).mediaMaxBytes).toBe(1_048_576);
    expect(loadConfig({ MEDIA_MAX_BYTES: '1099511627776' }, cwd).mediaMaxBytes).toBe(1_099_511_627_776);
  });

  it('when a variable is set to blanks, then it counts as unset', () => {
    expect(loadConfig({ PORT: '  ', EVENTSTORE_URL: '' }, cwd)).toMatchObject({
      port: 8080,
      eventStore: { kind: 'sqlite' },
    });
  });
});
