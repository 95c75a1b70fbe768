import { html, type Html } from '../html.js';
import type { FormState } from './fields.js';

/**
 * A form's submission key: a fresh id (a time-ordered UUID) in a hidden field of each form shown, kept when the form
 * comes back with an error, and used by the route as the API's `Idempotency-Key`. A form sent twice (a double click,
 * a resend after a lost answer) then records once: the second sending finds the first's events and goes to the same
 * page.
 */
export const SUBMISSION_FIELD = '_submission';

const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The submission key the form carried, or undefined when it carried none (or not one this service gives). */
export function submissionKey(values: FormState['values']): string | undefined {
  const value = [values[SUBMISSION_FIELD] ?? []].flat()[0];
  return typeof value === 'string' && KEY.test(value) ? value : undefined;
}

/** The hidden field carrying the form's submission key (none when the state holds none). */
export function submissionField(state: FormState): Html {
  const key = submissionKey(state.values);
  return key === undefined
    ? html``
    : html`<input type="hidden" name="${SUBMISSION_FIELD}" value="${key}" autocomplete="off" />`;
}
