import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/errors.js';
import { freshTempDir } from '../support/temp-dir.js';

/** A PEM block that is not a whole certificate (its DER is cut short). */
const CA_PEM = `-----BEGIN CERTIFICATE-----
MIIBszCCAR2gAwIBAgIUUm1Yl1bP3lN1G2n0m0pM6m6cF7wwDQYJKoZIhvcNAQEL
BQAwDzENMAsGA1UEAwwEdGVzdDAeFw0yNjAxMDEwMDAwMDBaFw0zNjAxMDEwMDAw
MDBaMA8xDTALBgNVBAMMBHRlc3QwgZ8wDQYJKoZIhvcNAQEBBQADgY0AMIGJAoGB
AMc=
-----END CERTIFICATE-----
`;

const variableOf = (run: () => unknown): string | undefined => {
  try {
    run();
    return undefined;
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return err.variable;
  }
};

describe('time-stamping authorities in the configuration', () => {
  const dir = freshTempDir('config-tsa');

  it('when no TSA is named, then none is configured', () => {
    expect(loadConfig({}).timestampAuthorities).toEqual([]);
  });

  it('when TSA_URLS and TSA_CA_FILES differ in number, then start-up stops naming the shorter', () => {
    expect(
      variableOf(() => loadConfig({ TSA_URLS: 'https://a.example/tsa,https://b.example/tsa', TSA_CA_FILES: 'a.pem' })),
    ).toBe('TSA_CA_FILES');
    expect(variableOf(() => loadConfig({ TSA_CA_FILES: 'a.pem' }))).toBe('TSA_URLS');
  });

  it('when a CA file is missing or holds no certificate, then start-up stops naming TSA_CA_FILES', () => {
    const bad = path.join(dir(), 'bad.pem');
    fs.writeFileSync(bad, CA_PEM);
    expect(
      variableOf(() => loadConfig({ TSA_URLS: 'https://a.example/tsa', TSA_CA_FILES: path.join(dir(), 'none.pem') })),
    ).toBe('TSA_CA_FILES');
    expect(variableOf(() => loadConfig({ TSA_URLS: 'https://a.example/tsa', TSA_CA_FILES: bad }))).toBe('TSA_CA_FILES');
  });

  it('when a TSA URL is not http(s), then start-up stops naming TSA_URLS', () => {
    expect(variableOf(() => loadConfig({ TSA_URLS: 'ftp://a.example/tsa', TSA_CA_FILES: 'x.pem' }))).toBe('TSA_URLS');
  });
});
