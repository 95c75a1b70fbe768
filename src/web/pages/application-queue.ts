import { itemText } from './apply.js';
import type { QueueView } from '../../app/application-reads.js';
import { agencyName } from './labels.js';
import { columnTable, type TableColumn } from './data-table.js';
import { agencySelect } from './supervision-screen.js';
import { errorFor, errorSummary, fieldId, type FieldSpec, type FormState } from '../forms/fields.js';
import { html, type Html } from '../html.js';
import type { MessageKey } from '../i18n.js';
import type { PageContext } from '../layout.js';
import { caseHref } from '../links.js';

/** The fields of the forms deciding an application, named by their members in the API's bodies. */
export const QUEUE_FIELDS: readonly FieldSpec[] = [
  { name: 'officers', label: 'apply.queue.officers', kind: 'text' },
  { name: 'reason', label: 'apply.rejectReason', kind: 'textarea' },
  { name: 'legalBasis', label: 'apply.legalBasis', kind: 'text' },
];

/** The name of a field of one application's forms: the error summary links to it as `#f-<name>`. */
export const queueField = (name: string, applicationId: string): string => `${name}.${applicationId}`;

/** The hidden field of the forms shown on an application's own page: a refusal comes back to that page. */
export const FROM_FILING = 'from';

/** A refused decision of one application: its forms come back with what was typed and the error at its field. */
export interface RefusedDecision {
  readonly applicationId: string;
  /** What was typed, by the field's own name (`officers`, `reason`, `legalBasis`), and the error (fields named by {@link queueField}). */
  readonly state: FormState;
}

/**
 * The forms of one waiting application: accept it (naming the handling officers) or refuse it, with reasons. On the
 * application's own page (`onFiling`), a refusal of either comes back to it; the forms of the application refused
 * (`refused`) keep what was typed and show the error at the field at fault.
 */
export function decideForms(
  ctx: PageContext,
  a: { readonly applicationId: string },
  csrf: Html,
  onFiling = false,
  refused?: RefusedDecision,
): Html {
  const base = `/work/applications/${a.applicationId}`;
  const own = refused?.applicationId === a.applicationId ? refused.state : undefined;
  const id = (name: string) => fieldId(queueField(name, a.applicationId));
  const value = (name: string): string => {
    const typed = own?.values[name];
    return typeof typed === 'string' ? typed : '';
  };
  // the field's hint and its error, and how the control names them
  const described = (name: string, hint = false) => {
    const fault = own && errorFor(own, queueField(name, a.applicationId));
    const ids = [hint ? `${id(name)}-hint` : '', fault ? `${id(name)}-error` : ''].filter(Boolean).join(' ');
    return {
      aria: html`${ids ? html` aria-describedby="${ids}"` : ''}${fault ? html` aria-invalid="true"` : ''}`,
      error: fault && html`<p class="error" id="${id(name)}-error">${fault.message}</p>`,
    };
  };
  const officers = described('officers', true);
  const reason = described('reason');
  const legalBasis = described('legalBasis');
  const from = onFiling ? html`<input type="hidden" name="${FROM_FILING}" value="filing" />` : html``;
  return html`<div class="decide">
    <form method="post" action="${base}/acceptance">
      ${csrf} ${from}
      <div class="field${officers.error ? ' error' : ''}">
        <label for="${id('officers')}">${ctx.t('apply.queue.officers')}</label>
        <p class="hint" id="${id('officers')}-hint">${ctx.t('apply.queue.officers.hint')}</p>
        ${officers.error}
        <input
          type="text"
          id="${id('officers')}"
          name="officers"
          value="${value('officers')}"
          required${officers.aria}
        />
      </div>
      <button type="submit">${ctx.t('apply.queue.accept')}</button>
    </form>
    <form method="post" action="${base}/rejection">
      ${csrf} ${from}
      <div class="field${reason.error ? ' error' : ''}">
        <label for="${id('reason')}">${ctx.t('apply.rejectReason')}</label>
        ${reason.error}
        <textarea id="${id('reason')}" name="reason" rows="2" required${reason.aria}>${value('reason')}</textarea>
      </div>
      <div class="field${legalBasis.error ? ' error' : ''}">
        <label for="${id('legalBasis')}">${ctx.t('apply.legalBasis')}</label>
        ${legalBasis.error}
        <input
          type="text"
          id="${id('legalBasis')}"
          name="legalBasis"
          value="${value('legalBasis')}"
          required${legalBasis.aria}
        />
      </div>
      <button type="submit">${ctx.t('apply.queue.reject')}</button>
    </form>
  </div>`;
}

/** `/work/applications`: a page of the agency's online applications, the waiting ones with their forms. */
export function applicationQueueMain(
  ctx: PageContext,
  view: {
    items: readonly QueueView[];
    csrf: Html;
    state: FormState;
    more?: Html;
    refused?: RefusedDecision;
    /** The name of an agency's licensing item, by its code. */
    itemName?: (agency: string, code: string) => string | undefined;
  },
): Html {
  return html`<h1>${ctx.t('apply.queue.title')}</h1>
    <p>${ctx.t('apply.queue.lead')}</p>
    ${errorSummary(ctx, view.state)}
    ${
      view.items.length === 0
        ? html`<p>${ctx.t('apply.queue.empty')}</p>`
        : html`<ul class="cards">
            ${view.items.map(
              (a) =>
                html`<li>
                  <h2>${a.applicantName} · ${itemText(ctx, a.itemCode, view.itemName?.(a.agency, a.itemCode))}</h2>
                  <dl class="fields">
                    <dt>${ctx.t('apply.receipt.id')}</dt>
                    <dd>${a.applicationId}</dd>
                    <dt>${ctx.t('apply.kind')}</dt>
                    <dd>${ctx.t(`apply.kind.${a.applicantKind}` as MessageKey)}</dd>
                    <dt>${ctx.t('apply.receipt.filedOn')}</dt>
                    <dd>${a.filedOn}</dd>
                    <dt>${ctx.t('apply.receipt.acceptBy')}</dt>
                    <dd>
                      ${a.acceptBy} ${a.overdue && html`<strong class="late">${ctx.t('apply.queue.overdue')}</strong>`}
                    </dd>
                    <dt>${ctx.t('apply.queue.attachments')}</dt>
                    <dd>${a.attachments}</dd>
                    <dt>${ctx.t('apply.status')}</dt>
                    <dd>${ctx.t(`apply.status.${a.status}` as MessageKey)}</dd>
                  </dl>
                  <p>
                    <a href="/work/applications/${a.applicationId}">${ctx.t('apply.queue.open')}</a>
                  </p>
                  ${
                    a.caseId !== undefined &&
                    html`<p>
                      <a href="${caseHref({ agency: a.agency, caseId: a.caseId })}"
                        >${ctx.t('apply.caseId')} ${a.caseId}</a
                      >
                    </p>`
                  }
                  ${a.status === 'filed' && decideForms(ctx, a, view.csrf, false, view.refused)}
                </li>`,
            )}
          </ul>`
    }
    ${view.more ?? ''}`;
}

/** An overdue application as supervision lists it: no applicant data. */
export interface OverdueRow {
  readonly applicationId: string;
  readonly agency: string;
  readonly itemCode: string;
  readonly filedOn: string;
  readonly acceptBy: string;
  readonly daysOverdue: number;
}

/** The columns of the overdue applications, for the page and its spreadsheet: no applicant data. */
export function overdueApplicationColumns(ctx: PageContext): TableColumn<OverdueRow>[] {
  return [
    {
      head: 'apply.receipt.id',
      text: (a) => a.applicationId,
      cell: (a) => html`<a href="/work/applications/${a.applicationId}">${a.applicationId}</a>`,
    },
    { head: 'apply.receipt.agency', text: (a) => agencyName(ctx, a.agency) },
    { head: 'apply.item', text: (a) => a.itemCode },
    { head: 'apply.receipt.filedOn', text: (a) => a.filedOn },
    { head: 'apply.receipt.acceptBy', text: (a) => a.acceptBy },
    { head: 'apply.overdue.days', text: (a) => String(a.daysOverdue) },
  ];
}

/**
 * `/supervise/applications`: a page of the applications neither accepted nor refused by their deadline, with the
 * agency and the day they are judged on to choose, then `more` (the pager, the downloads, the way back).
 */
export function overdueApplicationsMain(
  ctx: PageContext,
  view: { asOf: string; items: readonly OverdueRow[]; agencies: readonly string[]; agency?: string },
  more: Html = html``,
): Html {
  return html`<h1>${ctx.t('apply.overdue.title')}</h1>
    <p>${ctx.t('apply.overdue.lead', { asOf: view.asOf })}</p>
    <form class="filters" method="get" action="/supervise/applications">
      ${agencySelect(ctx, view.agencies, view.agency)}
      <label for="f-asof">${ctx.t('inspections.overdue.asOf')}</label>
      <input id="f-asof" name="asOf" type="date" value="${view.asOf}" />
      <button type="submit">${ctx.t('supervise.show')}</button>
    </form>
    ${columnTable(ctx, overdueApplicationColumns(ctx), view.items, 'apply.overdue.empty')} ${more}`;
}
