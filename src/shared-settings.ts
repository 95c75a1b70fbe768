import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Logger } from 'pino';
import {
  differingSettings,
  SharedSettingsLog,
  type Declaration,
  type PlacedDeclaration,
  type SettingDigests,
} from './app/shared-settings.js';
import type { StreamLocks } from './app/stream-locks.js';
import type { Config } from './config.js';
import type { ScheduleData } from './domain/calendar/working-days.js';
import { ConfigError } from './errors.js';
import type { Signer } from './ledger/ed25519.js';
import { canonicalize } from './ledger/canonical-json.js';
import type { Clock } from './ports/clock.js';
import type { EventStore } from './ports/event-store.js';

/** The variable a start-up refusal names for a shared setting, where the setting's name is not one. */
const VARIABLE: Readonly<Record<string, string>> = { JWT_TRUSTED_KEYS: 'JWT_PUBLIC_KEY_FILES' };
const LABEL: Readonly<Record<string, string>> = {
  JWT_TRUSTED_KEYS: 'JWT_PUBLIC_KEY_FILES or JWT_JWKS_FILE (the files themselves)',
  WORKING_DAY_CALENDAR_FILE: 'WORKING_DAY_CALENDAR_FILE (the schedule it holds)',
};

const digest = (value: unknown) => createHash('sha256').update(canonicalize(value)).digest('hex');
const fileDigest = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/**
 * What the replicas of one log must share besides the keys, the media and the data keys (docs/architecture.md,
 * "Several replicas"): the log's origin, the token rules and trusted token keys, the working-day schedule, the
 * UTC offsets and the agency that keeps the calendar; each by name, as the SHA-256 of its canonical value.
 */
export function sharedSettingsOf(config: Config, schedule: ScheduleData): SettingDigests {
  const { jwt, utcOffsets } = config;
  const trust = jwt.trust;
  return {
    LEDGER_LOG_ORIGIN: digest(config.logOrigin),
    JWT_ISSUER: digest(jwt.issuer),
    JWT_AUDIENCE: digest(jwt.audience),
    JWT_ALGORITHMS: digest([...jwt.algorithms].sort()),
    JWT_CLOCK_SKEW_SECONDS: digest(jwt.clockSkewSeconds),
    JWT_MAX_LIFETIME_SECONDS: digest(jwt.maxLifetimeSeconds),
    // the embedded token keys are the keyring's, which the keys check compares (src/replica-keys.ts)
    JWT_TRUSTED_KEYS: digest(
      trust.kind === 'pem'
        ? { pem: trust.files.map(fileDigest).sort() }
        : trust.kind === 'jwks'
          ? { jwks: fileDigest(trust.file) }
          : { embedded: true },
    ),
    WORKING_DAY_CALENDAR_FILE: digest(schedule),
    LEDGER_UTC_OFFSET: digest(utcOffsets.defaultMinutes),
    AGENCY_UTC_OFFSETS: digest([...utcOffsets.agencies].sort(([a], [b]) => (a < b ? -1 : 1))),
    CALENDAR_AGENCY: digest(config.calendarAgency ?? null),
  };
}

export interface SharedSettingsDependencies {
  readonly config: Config;
  readonly schedule: ScheduleData;
  readonly events: EventStore;
  readonly clock: Clock;
  readonly locks: StreamLocks;
  readonly signer: Signer;
  readonly log: Logger;
}

export interface SharedSettings {
  /** Follows the log for declarations other replicas make, logging and counting any that differ. */
  follow(signal: AbortSignal): void;
  /** `ledger_shared_settings_agree`: 1 while the last declaration is this replica's settings, else 0. */
  metrics(): readonly string[];
}

/**
 * The shared settings, checked at start-up where replicas share the log (EventStoreDB): this replica's settings
 * are declared in the log when no replica declared any; settings that differ from the last declaration refuse
 * start-up (`config_invalid` naming the first variable that differs), unless `LEDGER_SHARED_SETTINGS=adopt`
 * declares them for every replica. Afterwards a declaration another replica makes with other settings is logged as
 * an error and shown by the metric, until this replica is restarted with them.
 */
export async function checkSharedSettings(deps: SharedSettingsDependencies): Promise<SharedSettings> {
  const { config } = deps;
  const ours = sharedSettingsOf(config, deps.schedule);
  const settingsLog = new SharedSettingsLog(deps);
  // judged again when another replica declares between the read and this replica's declaration
  for (;;) {
    const last = await settingsLog.latest();
    const differing = last ? differingSettings(last.settings, ours) : [];
    refuseUnlessAdopted(config, last, differing);
    const declared = await settingsLog.declare(ours, deps.signer, last?.eventId);
    if (declared) return following(deps, settingsLog, ours, declared, differing);
  }
}

function refuseUnlessAdopted(config: Config, last: Declaration | undefined, differing: readonly string[]): void {
  if (last && differing.length > 0 && config.sharedSettings !== 'adopt') {
    throw new ConfigError(
      VARIABLE[differing[0]!] ?? differing[0]!,
      `${describe(differing)} differs from what the replicas of this log declared (event ${last.eventId}, ` +
        `${last.recordedAt}): every replica of one log must use the same value (docs/architecture.md, "Several ` +
        'replicas"). To change it for all of them, start one replica with LEDGER_SHARED_SETTINGS=adopt, then ' +
        'restart the others with the same settings',
    );
  }
}

function following(
  { log }: SharedSettingsDependencies,
  settingsLog: SharedSettingsLog,
  ours: SettingDigests,
  declared: PlacedDeclaration,
  differing: readonly string[],
): SharedSettings {
  if (differing.length > 0) {
    log.warn(
      { differing, eventId: declared.eventId },
      `settings: declared ${describe(differing)} for every replica of this log (LEDGER_SHARED_SETTINGS=adopt); restart the others with them`,
    );
  }
  let agree = differingSettings(declared.settings, ours).length === 0;
  return {
    follow(signal) {
      settingsLog.follow(
        declared.position,
        signal,
        (declaration) => {
          const other = differingSettings(declaration.settings, ours);
          agree = other.length === 0;
          if (agree) return;
          log.error(
            { differing: other, eventId: declaration.eventId },
            `settings: another replica declared other shared settings (${describe(other)}) at ${declaration.recordedAt}; this replica keeps its own until it is restarted with them`,
          );
        },
        (err) => log.warn({ err }, 'settings: following the log failed; retrying'),
      );
    },
    metrics: () => [
      '# HELP ledger_shared_settings_agree 1 while the shared settings last declared in the log are this replica’s.',
      '# TYPE ledger_shared_settings_agree gauge',
      `ledger_shared_settings_agree ${agree ? 1 : 0}`,
    ],
  };
}

function describe(names: readonly string[]): string {
  return names.map((n) => LABEL[n] ?? n).join(', ');
}
