import { dataKeyScope } from '../domain/personal-fields.js';
import type { DataKeyStore } from '../ports/data-keys.js';
import type { EventStore } from '../ports/event-store.js';
import { opensWith, sealedFieldsOf, type SealedField } from './personal-data.js';

/** How far back from the head the start-up check looks, and how many cases' keys it asks the store for at most. */
export const DATA_KEY_LOOK_BACK = { events: 5_000, cases: 100 } as const;

/** How many cases' keys are asked for at once (a GET each with the shared store). */
const AT_ONCE = 8;

/**
 * A case (an application) whose sealed data this key store cannot open: `missing`, the store holds neither its key
 * nor a tombstone saying it was destroyed; `other_key`, its key does not open the data; `unreadable`, reading the
 * key failed (`reason`: another master key cannot unwrap it, or the store failed).
 */
export interface UncoveredScope {
  readonly scope: string;
  readonly why: 'missing' | 'other_key' | 'unreadable';
  readonly reason?: string;
}

export interface DataKeyCoverage {
  readonly eventsRead: number;
  /** The cases (streams) of those events that hold sealed data, newest first: the ones asked for. */
  readonly scopesChecked: number;
  readonly uncovered: readonly UncoveredScope[];
}

/**
 * Whether this data-key store holds the keys of the log's most recent sealed data (docs/privacy.md, "Replicas and
 * production"): the newest events (at most `lookBack.events`, read back from the head), the streams among them
 * whose events hold sealed values (at most `lookBack.cases`, newest first; a decision draft's count as its case's,
 * whose key seals them: `dataKeyScope`), and for each, its key opening the
 * newest sealed value, or a tombstone (an erased case). Undefined when the log cannot be read backwards.
 */
export async function dataKeyCoverage(
  events: EventStore,
  dataKeys: DataKeyStore,
  lookBack: { readonly events: number; readonly cases: number } = DATA_KEY_LOOK_BACK,
): Promise<DataKeyCoverage | undefined> {
  if (!events.readRecent) return undefined;
  const recent = await events.readRecent(lookBack.events);
  const newest = new Map<string, { eventId: string; field: SealedField }>();
  for (const { event } of recent) {
    if (newest.size >= lookBack.cases) break;
    const scope = dataKeyScope(event);
    if (newest.has(scope)) continue;
    const [field] = sealedFieldsOf(event.data);
    if (field) newest.set(scope, { eventId: event.id, field });
  }
  const scopes = [...newest];
  const uncovered: UncoveredScope[] = [];
  for (let i = 0; i < scopes.length; i += AT_ONCE) {
    const found = await Promise.all(
      scopes.slice(i, i + AT_ONCE).map(async ([scope, { eventId, field }]): Promise<UncoveredScope | undefined> => {
        let key: Uint8Array | undefined;
        try {
          key = await dataKeys.get(scope);
        } catch (err) {
          return { scope, why: 'unreadable', reason: `${(err as Error).name}: ${(err as Error).message}` };
        }
        if (key === undefined) return (await dataKeys.destroyed(scope)) ? undefined : { scope, why: 'missing' };
        return opensWith(field.sealed, eventId, key, field.path) ? undefined : { scope, why: 'other_key' };
      }),
    );
    for (const u of found) if (u) uncovered.push(u);
  }
  return { eventsRead: recent.length, scopesChecked: scopes.length, uncovered };
}
