import { personalPaths } from '../domain/personal-fields.js';
import { ERASED, isSealed, openSealed, sealValue, UNAVAILABLE, type SealedValue } from '../ledger/sealed-field.js';
import { checkEventData, type EventDraft } from '../ledger/envelope.js';
import { pooledRandom } from './pooled-random.js';
import { violation } from '../domain/errors.js';

/**
 * Sealing and opening of personal fields (docs/privacy.md). Writes seal every personal field of a draft under the
 * case's data key before it is signed; reads open each sealed value with the key, or show `[erased]` once the key is
 * destroyed. Values recorded before sealing (clear text in older events) are left as they are.
 */

/** Where the salts and ivs of sealed fields come from. */
const sealingRandom = pooledRandom();

/**
 * The draft with each personal field of its data sealed under `key` (fresh salt and iv per field). The data is
 * checked against the ledger's bounds in the clear first (`400 invalid_body` naming the member as sent): once
 * sealed, a field's ciphertext is longer than its text, and sealing checks only the sealed form's size.
 */
export function sealDraft(draft: EventDraft, key: Uint8Array, salts?: Readonly<Record<string, string>>): EventDraft {
  const paths = personalPaths(draft.type, draft.data);
  if (salts) checkSalts(draft.data, paths, salts);
  if (paths.length === 0) return draft;
  checkEventData(draft.data);
  // a deep copy (the data is JSON: it is about to be canonicalized and signed)
  const data = JSON.parse(JSON.stringify(draft.data)) as Record<string, unknown>;
  for (const path of paths) {
    const { parent, member } = placeOf(data, path);
    const value = parent[member];
    if (value === undefined || isSealed(value)) continue;
    const salt = salts ? Buffer.from(salts[path]!, 'base64url') : sealingRandom(32);
    parent[member] = sealValue(key, { iv: sealingRandom(12), salt }, { eventId: draft.id, path }, value);
  }
  return { ...draft, data };
}

/**
 * The salts a signing client chose (docs/integrity.md §6) name exactly the personal fields the act holds, each 32
 * bytes in base64url: else 422 `actor_salts_mismatch`, naming the fields (their JSON Pointers, never a value).
 */
export function checkSalts(
  data: Record<string, unknown>,
  paths: readonly string[],
  salts: Readonly<Record<string, string>>,
): void {
  const present = paths.filter((path) => {
    const { parent, member } = placeOf(data, path);
    return parent[member] !== undefined && !isSealed(parent[member]);
  });
  const named = Object.keys(salts).sort();
  const wellFormed = Object.values(salts).every((s) => /^[A-Za-z0-9_-]{43}$/.test(s));
  if (!wellFormed || named.join('\n') !== [...present].sort().join('\n')) {
    throw violation(
      'actor_salts_mismatch',
      'salts must give a 32-byte base64url salt for exactly the personal fields of the act',
      { personalFields: present },
    );
  }
}

/** Whether the draft holds personal fields, so needs its case's data key. */
export const needsSealing = (draft: Pick<EventDraft, 'type' | 'data'>): boolean =>
  personalPaths(draft.type, draft.data).length > 0;

/** A sealed field found in an event's data: where it is and what it commits to. */
export interface SealedField {
  readonly path: string;
  readonly sealed: SealedValue;
}

/** Every sealed value in `data`, with its JSON Pointer. */
export function sealedFieldsOf(data: unknown, path = ''): SealedField[] {
  if (isSealed(data)) return [{ path, sealed: data }];
  if (Array.isArray(data)) return data.flatMap((v, i) => sealedFieldsOf(v, `${path}/${i}`));
  if (typeof data === 'object' && data !== null)
    return Object.entries(data).flatMap(([k, v]) => sealedFieldsOf(v, `${path}/${escape(k)}`));
  return [];
}

/**
 * `data` (found at JSON Pointer `at` of the event's data) with every sealed value replaced by its clear value, opened
 * with the case's key; by `[erased]` once the key was destroyed; by `[sealed]` when this service has no key for it or
 * the value does not open with the key it has.
 */
export function openData<T>(data: T, eventId: string, key: CaseKey | Uint8Array | undefined, at = ''): T {
  const { key: bytes, erased } = key instanceof Uint8Array || key === undefined ? { key, erased: false } : key;
  const walk = (value: unknown, path: string): unknown => {
    if (isSealed(value)) {
      if (!bytes) return erased ? ERASED : UNAVAILABLE;
      try {
        return openSealed(bytes, value, { eventId, path }).value;
      } catch {
        return UNAVAILABLE;
      }
    }
    if (Array.isArray(value)) return value.map((v, i) => walk(v, `${path}/${i}`));
    if (typeof value === 'object' && value !== null)
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, `${path}/${escape(k)}`)]));
    return value;
  };
  return walk(data, at) as T;
}

/** Whether every sealed value in `data` (at JSON Pointer `at` of the event's data) opens with `key`. */
export function opensWith(data: unknown, eventId: string, key: Uint8Array, at = ''): boolean {
  return sealedFieldsOf(data, at).every(({ path, sealed }) => {
    try {
      openSealed(key, sealed, { eventId, path });
      return true;
    } catch {
      return false;
    }
  });
}

/** A case's data key as reads find it: the key, or none and whether that is because it was destroyed. */
export interface CaseKey {
  readonly key: Uint8Array | undefined;
  readonly erased: boolean;
}

/** Whether any sealed value hides in `data`. */
export const holdsSealed = (data: unknown): boolean => sealedFieldsOf(data).length > 0;

const escape = (member: string): string => member.replace(/~/g, '~0').replace(/\//g, '~1');

function placeOf(data: Record<string, unknown>, path: string): { parent: Record<string, unknown>; member: string } {
  const tokens = path
    .split('/')
    .slice(1)
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  const member = tokens.pop()!;
  let parent: unknown = data;
  for (const t of tokens) parent = (parent as Record<string, unknown>)[t];
  return { parent: parent as Record<string, unknown>, member };
}
