import { idempotentEventId, type KeyOwner } from '../../app/idempotency.js';
import { html, type Html } from '../html.js';
import type { FormState } from './fields.js';

/**
 * A form's submission key: a fresh id (a time-ordered UUID) in a hidden field of each form shown, kept when the form
 * comes back with an error, and used by the route as the API's `Idempotency-Key`. A form sent twice (a double click,
 * a resend after a lost answer) then records once: the second sending finds the first's events and goes to the same
 * page.
 */
export const SUBMISSION_FIELD = '_submission';
/**
 * The id of the earlier act a form was shown back with a warning about (`possible_duplicate`, recent-acts.ts): sent
 * with it, the form records its act once more, as the reader then chose to.
 */
export const AGAIN_FIELD = '_again';

const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The submission key the form carried, or undefined when it carried none (or not one this service gives). */
export function submissionKey(values: FormState['values']): string | undefined {
  const value = [values[SUBMISSION_FIELD] ?? []].flat()[0];
  return typeof value === 'string' && KEY.test(value) ? value : undefined;
}

/** The earlier act the reader was warned the form repeats, when the form carries its id. */
export function againKey(values: FormState['values']): string | undefined {
  const value = [values[AGAIN_FIELD] ?? []].flat()[0];
  return typeof value === 'string' && KEY.test(value) ? value : undefined;
}

/**
 * The hidden fields carrying the form's submission key (none when the state holds none) and, on a form shown back
 * with a warning that it repeats an act, that act's id.
 */
export function submissionField(state: FormState): Html {
  const key = submissionKey(state.values);
  const again = againKey(state.values);
  return html`${key === undefined ? '' : html`<input type="hidden" name="${SUBMISSION_FIELD}" value="${key}" autocomplete="off" />`}${again === undefined ? '' : html`<input type="hidden" name="${AGAIN_FIELD}" value="${again}" autocomplete="off" />`}`;
}

/**
 * The event id a form's submission records under: derived from its submission key as the API derives one from an
 * `Idempotency-Key` (the same key on the same stream, the same id), a fresh one when the form carried no key.
 */
export function submissionEventId(
  owner: KeyOwner,
  stream: string,
  key: string | undefined,
  newId: () => string,
): string {
  return key === undefined ? newId() : idempotentEventId(owner, stream, key);
}

/**
 * What a refused form shows again: what was typed, with a fresh submission key when its key had recorded other
 * content (the form was sent, then changed and sent again), so that sent once more, on purpose, it records.
 */
export function retriedValues<V extends FormState['values']>(
  code: string,
  values: V,
  newId: () => string,
): V | (V & Record<typeof SUBMISSION_FIELD, string>) {
  return code === 'idempotency_key_reused' ? { ...values, [SUBMISSION_FIELD]: newId() } : values;
}
