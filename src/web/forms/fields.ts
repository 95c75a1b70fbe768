import { html, type Html } from '../html.js';
import type { MessageKey } from '../i18n.js';
import type { PageContext } from '../layout.js';

/**
 * The portal's form controls, each labelled, described and marked when in error, and the error summary that
 * links to the field at fault (GOV.UK-style, keyboard reachable). A field's `name` is the path of the JSON body
 * member it fills (`data.items`, `parties.0.name`), so a schema error's pointer names the field.
 */

/**
 * `lines`: a text area whose non-empty lines are sent as a list of strings; `checkboxes`: a group of boxes whose
 * ticked values are sent as a list; `whole`: a whole number (full-width digits read as ASCII ones).
 */
export type FieldKind =
  | 'text'
  | 'textarea'
  | 'lines'
  | 'date'
  | 'datetime'
  | 'money'
  | 'whole'
  | 'select'
  | 'radio'
  | 'checkbox'
  | 'checkboxes'
  | 'file';

export interface FieldSpec {
  readonly name: string;
  readonly label: MessageKey;
  readonly kind: FieldKind;
  /** For a select, a radio group or a group of checkboxes: the values and their text keys. */
  readonly options?: readonly { readonly value: string; readonly label: MessageKey }[];
  readonly hint?: MessageKey;
  /** Left out of the body when empty (otherwise sent as typed, so the schema names it when it is wrong). */
  readonly optional?: boolean;
}

/** What the user typed (kept when the form comes back with an error), and the error. */
export interface FormState {
  readonly values: Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly error?: FormError;
}

export interface FormError {
  readonly message: string;
  /** The field at fault, when one is. */
  readonly field?: string;
  /** The other fields at fault, when a form breaks its schema in more than one (each named once). */
  readonly others?: readonly FormError[];
}

/** Every error a form shows: the first, then the others. */
export const formErrors = (state: FormState): readonly FormError[] =>
  state.error ? [state.error, ...(state.error.others ?? [])] : [];

/** The error a field shows, when it is at fault. */
export const errorFor = (state: FormState, name: string): FormError | undefined =>
  formErrors(state).find((error) => error.field === name);

export const fieldId = (name: string): string => `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** Every value a field was sent with (a group of checkboxes: the ticked ones). */
const valuesOf = (state: FormState, name: string): readonly string[] => {
  const value = state.values[name];
  return value === undefined ? [] : typeof value === 'string' ? [value] : value;
};

const valueOf = (state: FormState, name: string): string => {
  const value = state.values[name];
  return Array.isArray(value) ? (value[0] ?? '') : ((value as string | undefined) ?? '');
};

/**
 * A form's refusal where the form itself no longer applies (its record was retired after it was shown): the title,
 * the refusal as the error summary shows it, and the way back, without the form.
 */
export function refusalWithoutForm(ctx: PageContext, title: string, error: FormError, back: Html): Html {
  return html`<h1>${title}</h1>
    ${errorSummary(ctx, { values: {}, error })} ${back}`;
}

/** The error summary at the top of a form: focused by the page's script, each message a link to its field. */
export function errorSummary(ctx: PageContext, state: FormState): Html {
  if (!state.error) return html``;
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
    <h2 id="error-summary-title">${ctx.t('form.errorTitle')}</h2>
    <ul>
      ${formErrors(state).map(
        ({ message, field }) => html`<li>${field ? html`<a href="#${fieldId(field)}">${message}</a>` : message}</li>`,
      )}
    </ul>
  </div>`;
}

/** One labelled control. */
export function field(ctx: PageContext, spec: FieldSpec, state: FormState): Html {
  const id = fieldId(spec.name);
  const fault = errorFor(state, spec.name);
  const inError = fault !== undefined;
  const described = [spec.hint ? `${id}-hint` : '', inError ? `${id}-error` : ''].filter(Boolean).join(' ');
  const aria = html`${described ? html` aria-describedby="${described}"` : ''}${inError ? html` aria-invalid="true"` : ''}`;
  const hint = spec.hint && html`<p class="hint" id="${id}-hint">${ctx.t(spec.hint)}</p>`;
  const error = fault && html`<p class="error" id="${id}-error">${fault.message}</p>`;
  const value = valueOf(state, spec.name);
  const required = spec.optional ? '' : html` required`;
  if (spec.kind === 'checkbox') {
    return html`<div class="field checkbox">
      <input type="checkbox" id="${id}" name="${spec.name}" value="on" ${value === 'on' ? html`checked` : ''}${aria} />
      <label for="${id}">${ctx.t(spec.label)}</label>${hint}${error}
    </div>`;
  }
  if (spec.kind === 'checkboxes') {
    const ticked = valuesOf(state, spec.name);
    return html`<fieldset class="field" id="${id}" ${aria}>
      <legend>${ctx.t(spec.label)}</legend>
      ${hint}${error}
      ${(spec.options ?? []).map(
        (o, i) =>
          html`<div class="checkbox">
            <input
              type="checkbox"
              id="${id}-${i}"
              name="${spec.name}"
              value="${o.value}"
              ${ticked.includes(o.value) ? html`checked` : ''}
            />
            <label for="${id}-${i}">${ctx.t(o.label)}</label>
          </div>`,
      )}
    </fieldset>`;
  }
  if (spec.kind === 'radio') {
    return html`<fieldset class="field" id="${id}" ${aria}>
      <legend>${ctx.t(spec.label)}</legend>
      ${hint}${error}
      ${(spec.options ?? []).map(
        (o, i) =>
          html`<div class="radio">
            <input
              type="radio"
              id="${id}-${i}"
              name="${spec.name}"
              value="${o.value}"
              ${value === o.value ? html`checked` : ''}${required}
            />
            <label for="${id}-${i}">${ctx.t(o.label)}</label>
          </div>`,
      )}
    </fieldset>`;
  }
  let control: Html;
  if (spec.kind === 'textarea' || spec.kind === 'lines') {
    control = html`<textarea id="${id}" name="${spec.name}" rows="3" ${required}${aria}>${value}</textarea>`;
  } else if (spec.kind === 'select') {
    control = html`<select id="${id}" name="${spec.name}" ${required}${aria}>
      <option value="">${ctx.t('form.choose')}</option>
      ${(spec.options ?? []).map(
        (o) => html`<option value="${o.value}" ${value === o.value ? html`selected` : ''}>${ctx.t(o.label)}</option>`,
      )}
    </select>`;
  } else if (spec.kind === 'file') {
    control = html`<input
      type="file"
      id="${id}"
      name="${spec.name}"
      accept="video/*,audio/*,image/*,application/pdf"
      ${aria}
    />`;
  } else {
    const type = { text: 'text', date: 'date', datetime: 'datetime-local', money: 'text', whole: 'text' }[spec.kind];
    const mode =
      spec.kind === 'money' ? html` inputmode="decimal"` : spec.kind === 'whole' ? html` inputmode="numeric"` : '';
    control = html`<input type="${type}" id="${id}" name="${spec.name}" value="${value}" ${mode}${required}${aria} />`;
  }
  return html`<div class="field"><label for="${id}">${ctx.t(spec.label)}</label>${hint}${error}${control}</div>`;
}
