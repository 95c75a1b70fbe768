import type { Logger } from 'pino';
import type { Config } from './config.js';
import { makeSettingFolder } from './data-folder.js';
import { ConfigError } from './errors.js';
import { keyringStamp, loadOrCreateKeys, readKeyring } from './adapters/keys/file-keyring.js';
import { embeddedLogStart } from './adapters/sqlite/log-start.js';
import { describeTokenKey, keyFitsAlgorithm, loadTrustedTokenKeys } from './adapters/keys/token-keys.js';
import {
  cachedVerifier,
  createTokenVerifier,
  type Principal,
  type TokenIdentity,
  type TrustedKey,
} from './app/auth.js';
import { KeyringLog, type PublishedKeys, type UntrustedKey } from './app/keyring-log.js';
import { LiveKeys } from './app/live-keys.js';
import type { StreamLocks } from './app/stream-locks.js';
import type { Clock } from './ports/clock.js';
import type { EventStore } from './ports/event-store.js';

/** How often a replica looks for a changed keyring file and for keys other replicas published in the log. */
export const KEYS_POLL_MS = 5_000;

export interface ReplicaKeys {
  readonly live: LiveKeys;
  /** Verifies a bearer token with the token keys as they are now (a rotation replaces the verifier). */
  readonly verify: (token: string) => Principal;
  /** Follows the keyring file and the log's published keys until `signal` aborts. */
  follow(signal: AbortSignal): void;
}

interface ReplicaKeysDependencies {
  readonly config: Config;
  readonly clock: Clock;
  readonly log: Logger;
  readonly events: EventStore;
  readonly locks: StreamLocks;
  readonly revoked: (identity: TokenIdentity) => boolean;
  /** The principal a verified token stands for now (a suspended or retired officer's roles withheld). */
  readonly standing: (principal: Principal) => Principal;
}

/**
 * The keys of one replica (docs/architecture.md, "Several replicas"): the keyring in `LEDGER_KEYS_DIR`, loaded
 * again whenever its file changes (a rotation takes effect without a restart), and, where replicas share the log
 * (EventStoreDB), its public half published in the log. Start-up is refused when the log publishes a key this
 * replica cannot verify, naming the key id: every replica must hold the same keys.
 */
/**
 * Refuses to make keys for a log that already holds events: a keys folder without a keyring beside a log signed
 * before is a mistyped `LEDGER_KEYS_DIR` (or a lost folder), and keys made there would sign on while nothing the log
 * holds verifies with them, which start-up would then call a forged log. Nothing is made in the folder. (Replicas
 * of an EventStoreDB log check the keys they hold against the log's keyring instead.)
 */
async function refuseKeysMissingForLog(keysDir: string, events: EventStore): Promise<void> {
  if (readKeyring(keysDir)) return;
  const [first] = await events.readAll({ limit: 1 });
  if (!first) return;
  throw keysMissing(keysDir, await events.headPosition(), first.event.sig.keyId);
}

function keysMissing(keysDir: string, head: number, keyId: string): ConfigError {
  return new ConfigError(
    'LEDGER_KEYS_DIR',
    `${keysDir} holds no keys, but the log already holds events (to position ${head}) signed by event key ${keyId}: ` +
      'point LEDGER_KEYS_DIR at the folder of the keys that signed them; no key was made',
  );
}

/**
 * {@link refuseKeysMissingForLog} for the embedded log, read from its file before any store is opened: the start
 * stops there, before the data keys' master key or anything else is made beside a mistyped `LEDGER_KEYS_DIR`.
 */
export function refuseKeysMissingForEmbeddedLog(config: Config): void {
  if (config.eventStore.kind !== 'sqlite' || readKeyring(config.keysDir)) return;
  const start = embeddedLogStart(config.eventStore.path);
  if (start) throw keysMissing(config.keysDir, start.head, start.keyId);
}

export async function openReplicaKeys(deps: ReplicaKeysDependencies): Promise<ReplicaKeys> {
  const { config, clock, log, events, locks } = deps;
  const shared = config.eventStore.kind === 'eventstoredb';
  if (!shared) await refuseKeysMissingForLog(config.keysDir, events);
  const made = !readKeyring(config.keysDir);
  makeSettingFolder('LEDGER_KEYS_DIR', config.keysDir);
  const live = new LiveKeys(loadOrCreateKeys(config.keysDir, clock, config.cryptoSuite));
  if (made) {
    log.info(
      { keysDir: config.keysDir, eventKeyId: live.signer.keyId, tokenKeyId: live.local.tokenKey.keyId },
      'keys: the keys folder held no keyring: made one (keep a copy: the log is signed with it)',
    );
  }
  const keyring = new KeyringLog({ events, clock, locks });
  const checked = (u: UntrustedKey) => u.purpose === 'event' || config.jwt.trust.kind === 'embedded';
  if (shared) {
    const published = await keyring.publish(live.local.all, live.signer, { refuseUntrusted: true });
    const untrusted = published.untrusted.filter(checked);
    if (untrusted.length > 0) {
      throw new ConfigError(
        'LEDGER_KEYS_DIR',
        `the log holds events signed by ${describe(untrusted)}, which this replica's keyring cannot verify: ` +
          'every replica of one log needs the same keys (copy the keys folder of the replica that made them)',
      );
    }
    live.learn(published.vouched);
  }

  const build = () => {
    const tokenKeys = trustedTokenKeys(config, live.all('token'));
    return cachedVerifier(
      createTokenVerifier({
        issuer: config.jwt.issuer,
        audience: config.jwt.audience,
        algorithms: config.jwt.algorithms,
        clockSkewSeconds: config.jwt.clockSkewSeconds,
        maxLifetimeSeconds: config.jwt.maxLifetimeSeconds,
        keys: tokenKeys,
        now: () => clock.now(),
      }),
      { now: () => clock.now(), revoked: deps.revoked, standing: deps.standing },
    );
  };
  let verifier = build();
  live.onChange(() => {
    try {
      verifier = build();
    } catch (err) {
      log.error({ err }, 'keys: the changed keys leave no token key to trust; keeping the previous ones');
    }
  });

  const warned = new Set<string>();
  const report = (published: PublishedKeys) => {
    live.learn(published.vouched);
    for (const key of published.untrusted.filter(checked)) {
      if (warned.has(key.keyId)) continue;
      warned.add(key.keyId);
      log.error(
        { keyId: key.keyId, purpose: key.purpose, signedBy: key.signedBy },
        `keys: the log publishes ${describe([key])}, which this replica cannot verify: what it signs fails here; give every replica the same keys`,
      );
    }
    if (live.signsWithRetiredKey() && !warned.has(`retired:${live.signer.keyId}`)) {
      warned.add(`retired:${live.signer.keyId}`);
      log.error(
        { keyId: live.signer.keyId },
        'keys: another replica retired the event key this replica signs with; copy the current keys folder here',
      );
    }
  };

  let stamp = keyringStamp(config.keysDir);
  const poll = async () => {
    const now = keyringStamp(config.keysDir);
    if (now !== stamp) {
      stamp = now;
      const previous = live.local;
      const fresh = loadOrCreateKeys(config.keysDir, clock, config.cryptoSuite);
      // the rotation is published signed by the key it retires, still held here: others trust the new key by it
      if (shared)
        await keyring.publish(fresh.all, previous.eventSigner, { refuseUntrusted: false, trusted: previous.all });
      live.replaceLocal(fresh);
      log.info({ eventKeyId: fresh.eventSigner.keyId, tokenKeyId: fresh.tokenKey.keyId }, 'keys: keyring reloaded');
    }
    if (shared) report(await keyring.read(live.all()));
  };

  return {
    live,
    verify: (token) => verifier(token),
    follow(signal) {
      let running: Promise<void> | undefined;
      const timer = setInterval(() => {
        running ??= poll()
          .catch((err: unknown) => log.warn({ err }, 'keys: following the keyring failed; retrying'))
          .finally(() => (running = undefined));
      }, KEYS_POLL_MS);
      timer.unref();
      signal.addEventListener('abort', () => clearInterval(timer), { once: true });
    },
  };
}

/**
 * Checks the token keys configured by file (`JWT_PUBLIC_KEY_FILES`, `JWT_JWKS_FILE`) before anything is made in the
 * data folder, so that a bad one stops start-up with the folder as it was; the embedded keys are checked with the
 * keyring.
 */
export function checkConfiguredTokenKeys(config: Config): void {
  if (config.jwt.trust.kind !== 'embedded') trustedTokenKeys(config, []);
}

/** Token keys: the current token keys known (own and published) in the embedded default, else the configured files. */
function trustedTokenKeys(config: Config, embedded: Parameters<typeof loadTrustedTokenKeys>[1]): TrustedKey[] {
  let keys: TrustedKey[];
  try {
    keys = loadTrustedTokenKeys(config.jwt.trust, embedded);
  } catch (err) {
    throw new ConfigError(
      config.jwt.trust.kind === 'jwks' ? 'JWT_JWKS_FILE' : 'JWT_PUBLIC_KEY_FILES',
      (err as Error).message,
    );
  }
  // a key no accepted algorithm can use verifies no token: every request would be 401
  const { algorithms } = config.jwt;
  if (!keys.some(({ key }) => algorithms.some((algorithm) => keyFitsAlgorithm(key, algorithm)))) {
    const kinds = [...new Set(keys.map(({ key }) => describeTokenKey(key)))].join(', ');
    throw new ConfigError(
      'JWT_ALGORITHMS',
      `${algorithms.join(', ')} can verify none of the trusted token keys (${kinds}, ${
        config.jwt.trust.kind === 'embedded'
          ? 'the embedded token key'
          : config.jwt.trust.kind === 'jwks'
            ? 'JWT_JWKS_FILE'
            : 'JWT_PUBLIC_KEY_FILES'
      }): accept the algorithms their issuer signs with`,
    );
  }
  return keys;
}

function describe(keys: readonly UntrustedKey[]): string {
  return keys.map((k) => `${k.purpose} key ${k.keyId} (published under key ${k.signedBy})`).join(', ');
}
