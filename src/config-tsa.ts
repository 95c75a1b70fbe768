import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from './errors.js';
import { httpUrl } from './config-values.js';
import { timestampRoots } from './ledger/timestamp-verify.js';

/** An RFC 3161 time-stamping authority the checkpoints are sent to (docs/integrity.md §15). */
export interface TsaConfig {
  readonly url: string;
  /** The PEM certificates its tokens must chain to (its CA, or its own certificate, pinned). */
  readonly caPems: readonly string[];
}

export const TSA_CONFIG_VARIABLES: readonly { name: string; default: string; description: string }[] = [
  {
    name: 'TSA_URLS',
    default: '(unset: no time-stamps)',
    description: 'comma-separated http(s) URLs of RFC 3161 time-stamping authorities that stamp every new checkpoint',
  },
  {
    name: 'TSA_CA_FILES',
    default: '(required with TSA_URLS)',
    description:
      'comma-separated PEM files, one per TSA_URLS entry in order: the CA certificate(s) its tokens chain to',
  },
];

/** `TSA_URLS` with `TSA_CA_FILES`, each file read and its certificates parsed now, so a bad one stops start-up. */
export function tsaConfig(read: (name: string) => string | undefined, cwd: string): readonly TsaConfig[] {
  const list = (name: string) =>
    read(name)
      ?.split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '') ?? [];
  const urls = list('TSA_URLS');
  const files = list('TSA_CA_FILES');
  if (urls.length === 0 && files.length === 0) return [];
  if (urls.length !== files.length) {
    throw new ConfigError(
      files.length < urls.length ? 'TSA_CA_FILES' : 'TSA_URLS',
      `TSA_URLS names ${urls.length} authorities and TSA_CA_FILES ${files.length} files: give one file per URL`,
    );
  }
  if (new Set(urls).size !== urls.length) throw new ConfigError('TSA_URLS', 'an authority is named twice');
  return urls.map((url, i) => {
    httpUrl('TSA_URLS', url);
    const file = path.resolve(cwd, files[i]!);
    let pem: string;
    try {
      pem = fs.readFileSync(file, 'utf8');
    } catch (err) {
      throw new ConfigError('TSA_CA_FILES', `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? err}`);
    }
    try {
      timestampRoots([pem]);
    } catch (err) {
      throw new ConfigError('TSA_CA_FILES', `${file} holds no usable PEM certificate: ${(err as Error).message}`);
    }
    return { url, caPems: [pem] };
  });
}
