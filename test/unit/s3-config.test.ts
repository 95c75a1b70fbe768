import { loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/errors.js';

const base = { S3_BUCKET: 'evidence', S3_ENDPOINT: 'http://minio:9000' };

describe('configuration: S3 Object Lock', () => {
  it('when no Object Lock variable is set, then the S3 configuration has neither retention nor legal hold', () => {
    const { blobStore } = loadConfig(base);
    expect(blobStore).toEqual({
      kind: 's3',
      bucket: 'evidence',
      region: 'us-east-1',
      endpoint: 'http://minio:9000',
      forcePathStyle: true,
    });
  });

  it.each([
    ['COMPLIANCE', '3650', 'true', { objectLock: { mode: 'COMPLIANCE', days: 3650 }, legalHold: true }],
    ['GOVERNANCE', '1', 'false', { objectLock: { mode: 'GOVERNANCE', days: 1 } }],
    [undefined, undefined, '1', { legalHold: true }],
  ])('when mode %s, days %s and legal hold %s are set, then they are read', (mode, days, hold, expected) => {
    const env = {
      ...base,
      ...(mode ? { S3_OBJECT_LOCK_MODE: mode } : {}),
      ...(days ? { S3_OBJECT_LOCK_DAYS: days } : {}),
      S3_LEGAL_HOLD: hold,
    };
    const { blobStore } = loadConfig(env);
    expect(blobStore).toMatchObject(expected);
    if (!('objectLock' in expected)) expect(blobStore).not.toHaveProperty('objectLock');
    if (!('legalHold' in expected)) expect(blobStore).not.toHaveProperty('legalHold');
  });

  it.each([
    ['S3_OBJECT_LOCK_MODE', { S3_OBJECT_LOCK_MODE: 'compliance', S3_OBJECT_LOCK_DAYS: '30' }],
    ['S3_OBJECT_LOCK_MODE', { S3_OBJECT_LOCK_MODE: 'FOREVER', S3_OBJECT_LOCK_DAYS: '30' }],
    ['S3_OBJECT_LOCK_MODE', { S3_OBJECT_LOCK_DAYS: '30' }],
    ['S3_OBJECT_LOCK_DAYS', { S3_OBJECT_LOCK_MODE: 'COMPLIANCE' }],
    ['S3_OBJECT_LOCK_DAYS', { S3_OBJECT_LOCK_MODE: 'COMPLIANCE', S3_OBJECT_LOCK_DAYS: '0' }],
    ['S3_OBJECT_LOCK_DAYS', { S3_OBJECT_LOCK_MODE: 'COMPLIANCE', S3_OBJECT_LOCK_DAYS: '36501' }],
    ['S3_OBJECT_LOCK_DAYS', { S3_OBJECT_LOCK_MODE: 'COMPLIANCE', S3_OBJECT_LOCK_DAYS: '10y' }],
    ['S3_LEGAL_HOLD', { S3_LEGAL_HOLD: 'on' }],
  ])('when %s is wrong, then loading fails naming it', (variable, env) => {
    let error: unknown;
    try {
      loadConfig({ ...base, ...env });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ variable });
  });

  it('when only an Object Lock variable is set, then S3 is selected and S3_BUCKET is required', () => {
    expect(() => loadConfig({ S3_OBJECT_LOCK_MODE: 'COMPLIANCE', S3_OBJECT_LOCK_DAYS: '30' })).toThrow(
      expect.objectContaining({ variable: 'S3_BUCKET' }),
    );
    expect(() => loadConfig({ S3_LEGAL_HOLD: 'true' })).toThrow(expect.objectContaining({ variable: 'S3_BUCKET' }));
  });
});

describe('configuration: the data-key store', () => {
  it('when nothing is set, then the keys are in the embedded file; with media, beside the media', () => {
    expect(loadConfig({}).dataKeyStore).toEqual({ kind: 'sqlite' });
    expect(loadConfig({ LEDGER_DATA_KEY_STORE: 'media' }).dataKeyStore).toEqual({ kind: 'media' });
    expect(
      loadConfig({ ...base, LEDGER_DATA_KEY_STORE: 'media', LEDGER_DATA_KEY_BUCKET: 'ledger-keys' }).dataKeyStore,
    ).toEqual({ kind: 'media', bucket: 'ledger-keys' });
  });

  it.each([
    ['LEDGER_DATA_KEY_STORE', { LEDGER_DATA_KEY_STORE: 'kms' }],
    ['LEDGER_DATA_KEY_BUCKET', { ...base, LEDGER_DATA_KEY_BUCKET: 'ledger-keys' }],
    ['LEDGER_DATA_KEY_BUCKET', { LEDGER_DATA_KEY_STORE: 'media', LEDGER_DATA_KEY_BUCKET: 'ledger-keys' }],
    ['LEDGER_DATA_KEY_BUCKET', { ...base, LEDGER_DATA_KEY_STORE: 'media', LEDGER_DATA_KEY_BUCKET: 'Not_A_Bucket' }],
  ])('when %s is unusable (%j), then start-up stops naming it', (variable, env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(expect.objectContaining({ variable }));
  });
});
