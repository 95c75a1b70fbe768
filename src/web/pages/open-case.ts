import { errorSummary, field, type FieldSpec, type FormState } from '../forms/fields.js';
import { submissionField } from '../forms/submission.js';
import { html, type Html } from '../html.js';
import type { PageContext } from '../layout.js';

/** The fields of the form opening a case (立案), named by their path in `POST /v1/cases`'s body. */
export const OPEN_CASE_FIELDS: readonly FieldSpec[] = [
  { name: 'caseId', label: 'form.caseId', kind: 'text', optional: true, hint: 'form.caseId.hint' },
  { name: 'itemCode', label: 'form.itemCode', kind: 'text' },
  { name: 'title', label: 'form.title', kind: 'text' },
  { name: 'openedOn', label: 'form.openedOn', kind: 'date' },
  { name: 'officers', label: 'form.handlingOfficers', kind: 'text', hint: 'form.handlingOfficers.hint' },
];

export const PARTY_FIELDS: readonly FieldSpec[] = [
  {
    name: 'parties.0.kind',
    label: 'form.partyKind',
    kind: 'select',
    options: [
      { value: 'person', label: 'case.party.person' },
      { value: 'organization', label: 'case.party.organization' },
    ],
  },
  { name: 'parties.0.name', label: 'form.partyName', kind: 'text' },
  { name: 'parties.0.idNumber', label: 'form.partyIdNumber', kind: 'text', optional: true },
];

/** The form opening a case. */
export function openCaseMain(ctx: PageContext, state: FormState, csrf: Html): Html {
  return html`<h1>${ctx.t('open.title')}</h1>
    ${errorSummary(ctx, state)}
    <form method="post" action="/cases" novalidate>
      ${csrf} ${submissionField(state)} ${OPEN_CASE_FIELDS.map((spec) => field(ctx, spec, state))}
      <fieldset>
        <legend>${ctx.t('form.party')}</legend>
        ${PARTY_FIELDS.map((spec) => field(ctx, spec, state))}
      </fieldset>
      <button type="submit">${ctx.t('form.submit')}</button>
    </form>`;
}
