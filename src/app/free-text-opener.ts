import { freeTextPaths } from '../domain/personal-fields.js';
import { isSealed } from '../ledger/sealed-field.js';
import type { DataKeyStore } from '../ports/data-keys.js';
import type { RecordedEvent } from '../ports/event-store.js';
import type { ProjectedEvent } from '../ports/read-models.js';
import { openData, type CaseKey } from './personal-data.js';

/** Opens the sealed free text of a batch of events before the projections see it. */
export type BatchOpener = (batch: readonly RecordedEvent[]) => Promise<readonly ProjectedEvent[]>;

/**
 * The events of a batch with their sealed free text (`FREE_TEXT_FIELDS`) opened with their case's data key (the
 * stream's: a case's events are sealed under the key of its stream), for the projections that show or search it
 * (docs/privacy.md): `[erased]` once the key is destroyed, `[sealed]` when this service holds no key for it. The key
 * of each stream is asked once per batch. The parties' fields are not opened here: reads open them.
 */
export function freeTextOpener(dataKeys: DataKeyStore): BatchOpener {
  return async (batch) => {
    const keys = new Map<string, Promise<CaseKey>>();
    const keyOf = (scope: string): Promise<CaseKey> => {
      let found = keys.get(scope);
      if (!found) {
        found = (async () => {
          const key = await dataKeys.get(scope);
          return { key, erased: key === undefined && (await dataKeys.destroyed(scope)) };
        })();
        keys.set(scope, found);
      }
      return found;
    };
    return Promise.all(
      batch.map(async (recorded): Promise<ProjectedEvent> => {
        const { event } = recorded;
        const paths = freeTextPaths(event.type, event.data).filter((p) => isSealed(event.data[p.slice(1)]));
        if (paths.length === 0) return recorded;
        const key = await keyOf(event.stream);
        const opened = Object.fromEntries(
          paths.map((path) => [path, openData<unknown>(event.data[path.slice(1)], event.id, key, path)]),
        );
        return { ...recorded, opened };
      }),
    );
  };
}
