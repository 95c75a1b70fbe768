import { freeTextPaths } from '../domain/personal-fields.js';
import type { EventEnvelope } from '../ledger/envelope.js';
import { atPointer, isSealed, SEALED_FORMAT } from '../ledger/sealed-field.js';
import type { DataKeyStore } from '../ports/data-keys.js';
import type { ProjectedEvent } from '../ports/read-models.js';
import { projected, type HandedEvent } from './projection-applier.js';
import { openData, type CaseKey } from './personal-data.js';

/**
 * Opens the sealed free text of a batch of events before the projections see it: each event as it came (parsed, or
 * as stored), with `opened` beside it when it had sealed free text.
 */
export type BatchOpener = <E extends HandedEvent>(
  batch: readonly E[],
) => Promise<readonly (Opened<E> | ProjectedEvent)[]>;

/** An event with its opened free text, if any. */
export type Opened<E extends HandedEvent> = E & Pick<ProjectedEvent, 'opened'>;

/**
 * What the stored text of every event holding a sealed value contains (the store writes it with `JSON.stringify`):
 * an event as stored without it has nothing to open and is handed on unparsed.
 */
const SEALED_MARK = JSON.stringify({ sealed: SEALED_FORMAT }).slice(1, -1);

/** The cases whose keys an opener keeps between batches, by default (32-byte keys: about 128 KiB in all). */
export const OPENER_CACHED_KEYS = 4_096;

/** The events that record the erasure of their stream's personal data: the stream's key is destroyed after them. */
const ERASURES: ReadonlySet<string> = new Set(['CaseDataErased', 'ApplicationDataErased']);

const ERASURE_MARKS = [...ERASURES].map((type) => JSON.stringify({ type }).slice(1, -1));

const ERASED: CaseKey = { key: undefined, erased: true };

/**
 * The events of a batch with their sealed free text (`FREE_TEXT_FIELDS`) opened with their case's data key (the
 * stream's: a case's events are sealed under the key of its stream), for the projections that show or search it
 * (docs/privacy.md): `[erased]` once the key is destroyed, `[sealed]` when this service holds no key for it.
 *
 * The keys found are kept between batches for the `cachedKeys` cases used last, so a case the log keeps writing
 * to costs one key-store read (a GET with the shared store), not one per batch. A case's key leaves the cache as
 * soon as a batch holds the case's erasure (`CaseDataErased`): the case's events after it in the log open as
 * `[erased]` and the store is asked again after that batch. A case the store says destroyed is remembered as
 * erased, never with a key; a case it holds no key for is not remembered (asked again next batch). The parties'
 * fields are not opened here: reads open them. An event that comes as its stored text is parsed here only when that
 * text holds a sealed value or names an erasure (and is then handed on parsed when it had a sealed value); the
 * others are handed on as they came.
 */
export function freeTextOpener(dataKeys: DataKeyStore, options: { readonly cachedKeys?: number } = {}): BatchOpener {
  const cache = new KeyCache(options.cachedKeys ?? OPENER_CACHED_KEYS);
  return async <E extends HandedEvent>(batch: readonly E[]): Promise<readonly (Opened<E> | ProjectedEvent)[]> => {
    // where in the batch each stream's erasure is: its key is never used nor kept from there on
    const erasedAt = new Map<string, number>();
    batch.forEach((handed, i) => {
      const erasure = erasureIn(handed);
      if (erasure !== undefined && !erasedAt.has(erasure.stream)) erasedAt.set(erasure.stream, i);
    });
    for (const stream of erasedAt.keys()) cache.drop(stream);
    const asked = new Map<string, Promise<CaseKey>>();
    const keyOf = (scope: string, index: number): Promise<CaseKey> => {
      if (index > (erasedAt.get(scope) ?? Number.POSITIVE_INFINITY)) return Promise.resolve(ERASED);
      const cached = cache.get(scope);
      if (cached) return Promise.resolve(cached);
      let found = asked.get(scope);
      if (!found) {
        found = (async () => {
          const key = await dataKeys.get(scope);
          const answer = { key, erased: key === undefined && (await dataKeys.destroyed(scope)) };
          if (answer.erased || (answer.key && !erasedAt.has(scope))) cache.set(scope, answer);
          return answer;
        })();
        asked.set(scope, found);
      }
      return found;
    };
    const openedOf = async (event: EventEnvelope, index: number): Promise<Record<string, unknown> | undefined> => {
      const paths = freeTextPaths(event.type, event.data).filter((p) => isSealed(atPointer(event.data, p)));
      if (paths.length === 0) return undefined;
      const key = await keyOf(event.stream, index);
      return Object.fromEntries(
        paths.map((path) => [path, openData<unknown>(atPointer(event.data, path), event.id, key, path)]),
      );
    };
    return Promise.all(
      batch.map(async (handed, index): Promise<Opened<E> | ProjectedEvent> => {
        if ('json' in handed) {
          if (!handed.json.includes(SEALED_MARK)) return handed;
          const recorded = projected(handed); // parsed once here, and handed on parsed
          const opened = await openedOf(recorded.event, index);
          return opened === undefined ? recorded : { ...recorded, opened };
        }
        const opened = await openedOf(handed.event, index);
        return opened === undefined ? handed : { ...handed, opened };
      }),
    );
  };
}

/**
 * The erasure an event records, if it is one. An event as stored is parsed only when its text names an erasure type
 * as a member's value (`"type":"CaseDataErased"`: in a JSON string its quotes would be escaped).
 */
function erasureIn(handed: HandedEvent): { readonly stream: string } | undefined {
  if ('json' in handed) {
    if (!ERASURE_MARKS.some((mark) => handed.json.includes(mark))) return undefined;
    const event = JSON.parse(handed.json) as EventEnvelope;
    return ERASURES.has(event.type) ? event : undefined;
  }
  return ERASURES.has(handed.event.type) ? handed.event : undefined;
}

/** The keys of the cases used last, at most `size` of them (the least recently used leaves first). */
class KeyCache {
  readonly #keys = new Map<string, CaseKey>();
  constructor(private readonly size: number) {}

  get(scope: string): CaseKey | undefined {
    const found = this.#keys.get(scope);
    if (found) {
      this.#keys.delete(scope);
      this.#keys.set(scope, found);
    }
    return found;
  }

  set(scope: string, key: CaseKey): void {
    this.#keys.delete(scope);
    this.#keys.set(scope, key);
    for (const oldest of this.#keys.keys()) {
      if (this.#keys.size <= this.size) break;
      this.#keys.delete(oldest);
    }
  }

  drop(scope: string): void {
    this.#keys.delete(scope);
  }
}
