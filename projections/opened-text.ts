import { freeTextPaths } from '../src/domain/personal-fields.js';
import { atPointer, isSealed, UNAVAILABLE } from '../src/ledger/sealed-field.js';

/**
 * An event's `data` with its sealed free-text members (`title`, `findings`, `proposed/deviationReason`, ...:
 * `FREE_TEXT_FIELDS`) replaced by their clear values as the runner opened them (`ProjectedEvent.opened`), or by
 * `[sealed]` when it could not (no data key for the case here). Members in clear (events recorded before sealing)
 * and every other member are left as they are: the parties stay sealed.
 */
export function withOpenedText(
  type: string,
  data: Readonly<Record<string, unknown>>,
  opened: Readonly<Record<string, unknown>> | undefined,
): Record<string, unknown> {
  const paths = freeTextPaths(type, data).filter((path) => isSealed(atPointer(data, path)));
  if (paths.length === 0) return data as Record<string, unknown>;
  const copy: Record<string, unknown> = { ...data };
  for (const path of paths) {
    // the members on the way down are copied too: the event as recorded keeps its sealed values
    const members = path.split('/').slice(1);
    const last = members.pop()!;
    let parent = copy;
    for (const member of members) {
      const child = { ...(parent[member] as Record<string, unknown>) };
      parent[member] = child;
      parent = child;
    }
    parent[last] = opened?.[path] ?? UNAVAILABLE;
  }
  return copy;
}
