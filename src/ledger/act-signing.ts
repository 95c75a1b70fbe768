import { isSealed, SEALED_FORMAT } from './sealed-shape.js';

/**
 * The members of a case act's `data` that the service derives when it records the act (the rules' facts, kept for
 * replay), by event type: the officer's client cannot know them, so the officer's signature leaves them out
 * (docs/integrity.md §6). Part of the format: a member is only ever added to a type's list, never removed.
 */
export const UNSIGNED_ACT_MEMBERS: Readonly<Record<string, readonly string[]>> = {
  CaseOpened: ['recordingDuties'],
  LegalReviewRequested: ['discretion', 'reviewWorkingDays', 'reviewDueBy', 'reviewCalendarBasis'],
  LegalReviewCompleted: ['reviewer', 'proposal'],
  CounselOpinionRecorded: ['counselRole'],
  DecisionIssued: [
    'major',
    'disclosureWorkingDays',
    'disclosureDueBy',
    'calendarBasis',
    'discretion',
    'reviewCatalogue',
  ],
  DecisionDisclosed: ['dueBy', 'onTime'],
};

/** A sealed value as the officer signs it: its format and commitment, without the ciphertext (docs/integrity.md §6). */
function signedForm(value: unknown): unknown {
  if (isSealed(value)) return { sealed: SEALED_FORMAT, commitment: value.commitment };
  if (Array.isArray(value)) return value.map(signedForm);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, signedForm(v)]));
  return value;
}

/**
 * The `data` an officer signs of an act of `type` recorded with `data`: without the members the service derives
 * ({@link UNSIGNED_ACT_MEMBERS}), and each sealed value (docs/integrity.md §16) as `{sealed, commitment}`. For an
 * act with neither, its data as recorded.
 */
export function signedActData(type: string, data: Record<string, unknown>): Record<string, unknown> {
  const unsigned = new Set(UNSIGNED_ACT_MEMBERS[type] ?? []);
  const kept = Object.entries(data).filter(([member]) => !unsigned.has(member));
  return Object.fromEntries(kept.map(([k, v]) => [k, signedForm(v)]));
}
