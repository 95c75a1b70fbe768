import { DuplicateEventId, RevisionConflict } from '../errors.js';
import type { Signer } from '../ledger/ed25519.js';
import { sealEvents, type EventEnvelope } from '../ledger/envelope.js';
import type { Clock } from '../ports/clock.js';
import type { EventStore, Position } from '../ports/event-store.js';
import { followStream } from './follow-log.js';
import { namedEventId } from './idempotency.js';
import { checkStoredEvents } from './stored-events.js';
import type { StreamLocks } from './stream-locks.js';

/** The stream where the replicas of one log declare the settings they must share (docs/architecture.md). */
export const SHARED_SETTINGS_STREAM = 'ledger-settings';
export const SHARED_SETTINGS_DECLARED = 'SharedSettingsDeclared';

/** Each shared setting by name, as the SHA-256 (hex) of its canonical value: no setting is written in clear. */
export type SettingDigests = Readonly<Record<string, string>>;

/** A declaration as the log holds it. */
export interface Declaration {
  readonly settings: SettingDigests;
  readonly eventId: string;
  readonly recordedAt: string;
}

/** A declaration and where the log holds it. */
export type PlacedDeclaration = Declaration & { readonly position: Position };

export interface SharedSettingsLogDependencies {
  readonly events: EventStore;
  readonly clock: Clock;
  readonly locks: StreamLocks;
}

const ATTEMPTS = 5;

/** The names whose digests differ between two declarations, a name missing on one side included; sorted. */
export function differingSettings(a: SettingDigests, b: SettingDigests): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((name) => a[name] !== b[name]).sort();
}

/**
 * The settings replicas of one log must share, kept in the log: each replica declares the digests of its own at
 * start-up when they differ from the last declaration (`SharedSettingsDeclared` `{settings}`), and follows the
 * stream to learn when another declares others. Event ids are named by the stream revision and the settings, so
 * replicas that declare the same settings at once record them once.
 */
export class SharedSettingsLog {
  constructor(private readonly deps: SharedSettingsLogDependencies) {}

  /** The last declaration, or undefined when no replica declared any. */
  async latest(): Promise<PlacedDeclaration | undefined> {
    const recorded = await this.deps.events.readStream(SHARED_SETTINGS_STREAM);
    checkStoredEvents(
      SHARED_SETTINGS_STREAM,
      recorded.map((r) => r.event),
      { after: null },
    );
    const last = recorded[recorded.length - 1];
    return last ? placed(last.event, last.position) : undefined;
  }

  /**
   * Declares `settings` over the declaration `replacing` names (its event id; undefined: over none) unless the last
   * declaration holds them already (another replica's, made a moment before, included); returns the declaration in
   * force afterwards, or undefined when another replica declared other settings since `replacing`, which the
   * caller then judges again.
   */
  declare(
    settings: SettingDigests,
    signer: Signer,
    replacing: string | undefined,
  ): Promise<PlacedDeclaration | undefined> {
    return this.deps.locks.run(SHARED_SETTINGS_STREAM, async () => {
      for (let attempt = 1; ; attempt++) {
        const recorded = await this.deps.events.readStream(SHARED_SETTINGS_STREAM);
        const last = recorded[recorded.length - 1];
        const current = last ? placed(last.event, last.position) : undefined;
        if (current && differingSettings(current.settings, settings).length === 0) return current;
        if (current?.eventId !== replacing) return undefined;
        const revision = last ? last.event.revision + 1 : 0;
        const at = this.deps.clock.now().toISOString();
        const draft = {
          id: namedEventId(['shared-settings', String(revision), JSON.stringify(sorted(settings))]),
          type: SHARED_SETTINGS_DECLARED,
          schemaVersion: 1,
          occurredAt: at,
          actor: { sub: 'ledger', agency: 'ledger', roles: [] },
          data: { settings: sorted(settings) },
          media: [],
        };
        const head = last ? { revision: last.event.revision, hash: last.event.hash } : null;
        const sealed = sealEvents(SHARED_SETTINGS_STREAM, head, [draft], signer, at);
        try {
          await this.deps.events.append(SHARED_SETTINGS_STREAM, sealed, head ? head.revision : 'no_stream');
        } catch (err) {
          const raced = err instanceof RevisionConflict || err instanceof DuplicateEventId;
          if (!raced || attempt >= ATTEMPTS) throw err;
        }
      }
    });
  }

  /** Hands every declaration made after `after` to `seen`, until `signal` aborts. */
  follow(
    after: Position,
    signal: AbortSignal,
    seen: (declaration: Declaration) => void,
    onError?: (err: unknown) => void,
  ): void {
    void followStream(
      this.deps.events,
      SHARED_SETTINGS_STREAM,
      after,
      signal,
      (event) => {
        const declaration = declarationOf(event);
        if (declaration) seen(declaration);
      },
      onError ? { onError } : {},
    );
  }
}

function placed(event: EventEnvelope, position: Position): PlacedDeclaration | undefined {
  const declaration = declarationOf(event);
  return declaration && { ...declaration, position };
}

function declarationOf(event: EventEnvelope): Declaration | undefined {
  if (event.type !== SHARED_SETTINGS_DECLARED) return undefined;
  const settings = (event.data as { settings?: unknown }).settings;
  if (typeof settings !== 'object' || settings === null) return undefined;
  const digests = Object.fromEntries(Object.entries(settings).filter(([, v]) => typeof v === 'string')) as Record<
    string,
    string
  >;
  return { settings: digests, eventId: event.id, recordedAt: event.recordedAt };
}

function sorted(settings: SettingDigests): Record<string, string> {
  return Object.fromEntries(Object.entries(settings).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
