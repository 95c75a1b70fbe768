import { ConfigError } from './errors.js';
import { httpUrl, integer } from './config-values.js';
import { COSIGNATURE_V1, parseVerifierKey } from './ledger/cosignature.js';

/** A witness the ledger submits its checkpoints to: where, and the cosignature/v1 key it cosigns with. */
export interface WitnessEndpoint {
  /** The submission prefix: requests go to `<url>/add-checkpoint`. */
  readonly url: string;
  /** Its verifier key, `<name>+<key ID>+<base64(0x04 || Ed25519 key)>`. */
  readonly key: string;
  readonly name: string;
}

/** Witness cosigning of the ledger's checkpoints (docs/integrity.md §12.4). */
export interface WitnessesConfig {
  readonly endpoints: readonly WitnessEndpoint[];
  /** One add-checkpoint request may take this long. */
  readonly timeoutMs: number;
  /** Retries after a failure wait 1 s, 2 s, 4 s … up to this. */
  readonly retryMaxSeconds: number;
  /** How long a bundle export waits for the witnesses to cosign its checkpoint (0: it does not wait). */
  readonly bundleWaitMs: number;
  /**
   * How many of the witnesses must have cosigned a checkpoint covering a disclosure for their cosignatures to
   * attest its time (docs/integrity.md §15.5): the time is the `quorum`-th earliest, one per witness.
   */
  readonly quorum: number;
}

export const WITNESS_CONFIG_VARIABLES: readonly { name: string; default: string; description: string }[] = [
  {
    name: 'WITNESSES',
    default: '(unset: none)',
    description:
      'witnesses to submit checkpoints to, comma-separated, each "<url> <verifier key>" (the key as ' +
      '`ledger witness key` prints it), e.g. "https://w.example/ w.example+1a2b3c4d+BK9..."',
  },
  {
    name: 'WITNESS_TIMEOUT_MS',
    default: '10000',
    description: 'time one add-checkpoint request may take, 100..600000',
  },
  {
    name: 'WITNESS_RETRY_MAX_SECONDS',
    default: '300',
    description: 'longest wait between retries to a witness that failed (1 s, 2 s, 4 s … up to this), 1..86400',
  },
  {
    name: 'WITNESS_QUORUM',
    default: '(the number of WITNESSES)',
    description:
      'how many of the witnesses must have cosigned a checkpoint covering a published decision for their ' +
      'cosignatures to attest when it was published (the time is the N-th earliest), 1..the number of WITNESSES',
  },
  {
    name: 'WITNESS_BUNDLE_WAIT_MS',
    default: '5000',
    description: 'how long a bundle export waits for the witnesses to cosign its checkpoint, 0..600000',
  },
];

export function witnessesConfig(read: (name: string) => string | undefined): WitnessesConfig {
  const endpoints: WitnessEndpoint[] = [];
  for (const entry of read('WITNESSES')?.split(',') ?? []) {
    const parts = entry.trim().split(/\s+/);
    if (parts.length !== 2) throw new ConfigError('WITNESSES', `"${entry.trim()}" is not "<url> <verifier key>"`);
    const [url, key] = parts as [string, string];
    httpUrl('WITNESSES', url);
    const parsed = parseVerifierKey(key);
    if (!parsed || parsed.type !== COSIGNATURE_V1) {
      throw new ConfigError('WITNESSES', `"${key}" is not a cosignature/v1 verifier key (type 0x04)`);
    }
    if (endpoints.some((e) => e.key === key)) throw new ConfigError('WITNESSES', `${parsed.name} is named twice`);
    endpoints.push({ url: url.replace(/\/+$/, ''), key, name: parsed.name });
  }
  const rawQuorum = read('WITNESS_QUORUM');
  if (rawQuorum !== undefined && endpoints.length === 0) {
    throw new ConfigError('WITNESS_QUORUM', 'is set, but WITNESSES names no witness');
  }
  const quorum =
    endpoints.length === 0 ? 0 : integer('WITNESS_QUORUM', rawQuorum, endpoints.length, 1, endpoints.length);
  return {
    endpoints,
    quorum,
    timeoutMs: integer('WITNESS_TIMEOUT_MS', read('WITNESS_TIMEOUT_MS'), 10_000, 100, 600_000),
    retryMaxSeconds: integer('WITNESS_RETRY_MAX_SECONDS', read('WITNESS_RETRY_MAX_SECONDS'), 300, 1, 86_400),
    bundleWaitMs: integer('WITNESS_BUNDLE_WAIT_MS', read('WITNESS_BUNDLE_WAIT_MS'), 5_000, 0, 600_000),
  };
}
