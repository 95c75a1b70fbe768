import { conflict } from './errors.js';

/** Whether two JSON values are the same value: the same members (in any order) and items, each the same. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => sameJson(item, other[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return (
    keys.length === Object.keys(right).length &&
    keys.every((k) => Object.hasOwn(right, k) && sameJson(left[k], right[k]))
  );
}

/**
 * An amendment of a record (an officer, an item, a subject) changes something: one whose every member says what the
 * record says already would sign a change that changes nothing, and is `409 version_unchanged`.
 */
export function requireSomeChange(current: object, changes: object, what: string): void {
  const record = current as Record<string, unknown>;
  const changed = Object.entries(changes).some(([member, value]) => !sameJson(record[member], value));
  if (!changed) throw conflict('version_unchanged', `the ${what} says this already: the amendment changes nothing`);
}
