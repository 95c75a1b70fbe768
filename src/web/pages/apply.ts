import type { ProgressView } from '../../app/application-reads.js';
import type { Receipt } from '../../app/application-service.js';
import {
  ACCEPTANCE_WORKING_DAYS,
  ATTACHMENT_TYPES,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
} from '../../domain/application/application.js';
import { errorFor, errorSummary, field, fieldId, type FieldSpec, type FormState } from '../forms/fields.js';
import { submissionField } from '../forms/submission.js';
import { html, type Html } from '../html.js';
import type { MessageKey } from '../i18n.js';
import type { PageContext } from '../layout.js';
import { disclosureHref } from '../links.js';
import { agencyName, bracketed, label, localMinuteWithOffset } from './labels.js';
import { checkItYourself } from './disclosure.js';

/** A licensing item that can be applied for: its agency, code and name. */
export interface ApplicableItem {
  readonly agency: string;
  readonly code: string;
  readonly name: string;
}

/** The applicant's fields, named by their path in `POST /v1/applications`'s body. */
export const APPLICANT_FIELDS: readonly FieldSpec[] = [
  {
    name: 'applicant.kind',
    label: 'apply.kind',
    kind: 'radio',
    options: [
      { value: 'person', label: 'apply.kind.person' },
      { value: 'organization', label: 'apply.kind.organization' },
    ],
  },
  { name: 'applicant.name', label: 'apply.name', kind: 'text' },
  { name: 'applicant.idNumber', label: 'apply.idNumber', kind: 'text', optional: true },
  { name: 'applicant.phone', label: 'apply.phone', kind: 'text', hint: 'apply.phone.hint' },
  { name: 'applicant.email', label: 'apply.email', kind: 'text', optional: true, hint: 'apply.email.hint' },
  { name: 'applicant.address', label: 'apply.address', kind: 'text', optional: true },
];
export const REQUEST_FIELD: FieldSpec = {
  name: 'request',
  label: 'apply.request',
  kind: 'textarea',
  hint: 'apply.request.hint',
};
/** The item select and the file input: not {@link field}s, but errors may point at them. */
export const ITEM_FIELD: FieldSpec = { name: 'item', label: 'apply.item', kind: 'select', hint: 'apply.item.hint' };
export const ATTACHMENT_SPEC: FieldSpec = {
  name: 'attachment',
  label: 'apply.attachments',
  kind: 'file',
  optional: true,
};
export const APPLY_FIELDS: readonly FieldSpec[] = [ITEM_FIELD, ...APPLICANT_FIELDS, REQUEST_FIELD, ATTACHMENT_SPEC];

function itemSelect(ctx: PageContext, items: readonly ApplicableItem[], state: FormState): Html {
  const id = fieldId(ITEM_FIELD.name);
  const chosen = state.values.item;
  const fault = errorFor(state, ITEM_FIELD.name);
  const inError = fault !== undefined;
  return html`<div class="field">
    <label for="${id}">${ctx.t('apply.item')}</label>
    <p class="hint" id="${id}-hint">${ctx.t('apply.item.hint')}</p>
    ${fault && html`<p class="error" id="${id}-error">${fault.message}</p>`}
    <select
      id="${id}"
      name="item"
      required
      aria-describedby="${id}-hint${inError ? ` ${id}-error` : ''}"
      ${inError ? html`aria-invalid="true"` : ''}
    >
      <option value="">${ctx.t('form.choose')}</option>
      ${items.map((i) => {
        const value = `${i.agency}/${i.code}`;
        return html`<option value="${value}" ${chosen === value ? html`selected` : ''}>
          ${agencyName(ctx, i.agency)} · ${bracketed(ctx, i.name, i.code)}
        </option>`;
      })}
    </select>
  </div>`;
}

function fileInput(ctx: PageContext, state: FormState, filesSent: number): Html {
  const id = fieldId(ATTACHMENT_SPEC.name);
  const fault = errorFor(state, ATTACHMENT_SPEC.name);
  const inError = fault !== undefined;
  const hint = ctx.t('apply.attachments.hint', { count: MAX_ATTACHMENTS, mb: MAX_ATTACHMENT_BYTES / 1024 / 1024 });
  // the files of a refused form are not kept: said at the field, so that none is filed without them by mistake
  const again = !inError && filesSent > 0;
  return html`<div class="field">
    <label for="${id}">${ctx.t('apply.attachments')}</label>
    <p class="hint" id="${id}-hint">${hint}</p>
    ${fault && html`<p class="error" id="${id}-error">${fault.message}</p>`}
    ${again && html`<p class="note" id="${id}-again" role="note">${ctx.t('apply.attachments.again', { count: filesSent })}</p>`}
    <input
      type="file"
      id="${id}"
      name="attachment"
      multiple
      accept="${ATTACHMENT_TYPES.join(',')}"
      aria-describedby="${id}-hint${inError ? ` ${id}-error` : ''}${again ? ` ${id}-again` : ''}"
      ${inError ? html`aria-invalid="true"` : ''}
    />
  </div>`;
}

/** `/apply`: the filing form. It uploads its files, so its CSRF token rides in the action's query. */
export function applyFormMain(
  ctx: PageContext,
  view: {
    items: readonly ApplicableItem[];
    state: FormState;
    csrfToken: string;
    /** Files the refused form sent that were read: a browser cannot give them back, so the form says to choose them again. */
    filesSent?: number;
  },
): Html {
  const { items, state, csrfToken } = view;
  if (items.length === 0) {
    return html`<h1>${ctx.t('apply.title')}</h1>
      <p>${ctx.t('apply.noItems')}</p>`;
  }
  return html`<h1>${ctx.t('apply.title')}</h1>
    <p>${ctx.t('apply.lead', { days: ACCEPTANCE_WORKING_DAYS })}</p>
    <p><a href="/apply/progress">${ctx.t('apply.progress.title')}</a></p>
    ${errorSummary(ctx, state)}
    <form method="post" action="/apply?_csrf=${csrfToken}" enctype="multipart/form-data" novalidate>
      ${submissionField(state)} ${itemSelect(ctx, items, state)}
      <fieldset>
        <legend>${ctx.t('apply.applicant')}</legend>
        <p class="hint">${ctx.t('apply.privacy')}</p>
        ${APPLICANT_FIELDS.map((spec) => field(ctx, spec, state))}
      </fieldset>
      ${field(ctx, REQUEST_FIELD, state)} ${fileInput(ctx, state, view.filesSent ?? 0)}
      <button type="submit">${ctx.t('apply.submit')}</button>
    </form>`;
}

/** The ledger badge of the filing event: `badge.js` checks its inclusion proof in the browser. */
function filingBadge(ctx: PageContext, eventId: string, eventHash: string, offset: number): Html {
  const proof = `/v1/ledger/proof/inclusion?eventId=${encodeURIComponent(eventId)}`;
  return html`<h2>${ctx.t('decision.ledger')}</h2>
    <p
      id="ledger-badge"
      class="badge pending"
      aria-live="polite"
      data-event-id="${eventId}"
      data-event-hash="${eventHash}"
      data-utc-offset="${String(offset)}"
    >
      ${ctx.t('apply.badge', { eventId })}
    </p>
    ${checkItYourself(ctx, proof)}`;
}

/** The receipt (回执), shown once after filing: the only time the lookup code is shown. */
/** The receipt of a filing; `offset`, the agency's minutes east of UTC, for the badge's time. */
export function receiptMain(ctx: PageContext, r: Receipt, offset: number): Html {
  return html`<h1>${ctx.t('apply.receipt.title')}</h1>
    ${
      r.replayed
        ? html`<p class="notice" role="status" id="receipt-replayed">${ctx.t('apply.receipt.replayed')}</p>`
        : html`<p class="notice" role="status">${ctx.t('apply.receipt.lead')}</p>`
    }
    <dl class="fields">
      <dt>${ctx.t('apply.receipt.id')}</dt>
      <dd><code id="receipt-id">${r.applicationId}</code></dd>
      <dt>${ctx.t('apply.receipt.code')}</dt>
      <dd>
        ${
          r.lookupCode === undefined
            ? html`<span id="receipt-code-shown-once">${ctx.t('apply.receipt.codeShownOnce')}</span>`
            : html`<code id="receipt-code">${r.lookupCode}</code>`
        }
      </dd>
      <dt>${ctx.t('apply.receipt.agency')}</dt>
      <dd>${agencyName(ctx, r.agency)}</dd>
      <dt>${ctx.t('apply.receipt.agencyCode')}</dt>
      <dd><code id="receipt-agency">${r.agency}</code></dd>
      <dt>${ctx.t('apply.receipt.filedOn')}</dt>
      <dd>${r.filedOn}</dd>
      <dt>${ctx.t('apply.receipt.acceptBy')}</dt>
      <dd>${r.acceptBy}</dd>
      <dt>${ctx.t('apply.receipt.hash')}</dt>
      <dd><code class="hash">${r.hash}</code></dd>
    </dl>
    ${filingBadge(ctx, r.eventId, r.hash, offset)}
    <p>
      <a href="/apply/progress?agency=${r.agency}&amp;id=${r.applicationId}&amp;consistentWith=${r.position}"
        >${ctx.t('apply.receipt.progress')}</a
      >
    </p>`;
}

export const PROGRESS_FIELDS: readonly FieldSpec[] = [
  { name: 'agency', label: 'apply.progress.agency', kind: 'text', hint: 'apply.progress.agency.hint' },
  { name: 'id', label: 'apply.progress.id', kind: 'text' },
  { name: 'code', label: 'apply.progress.code', kind: 'text' },
];

/** `/apply/progress`: the lookup form (posted, so the code stays out of URLs and logs), and the progress found. */
export function progressMain(
  ctx: PageContext,
  view: {
    state: FormState;
    csrfToken: string;
    progress?: ProgressView;
    /** Minutes east of UTC of an agency's local time, in which the progress's times are shown. */
    utcOffsetOf: (agency: string) => number;
    /** The name of the licensing item applied for, as the agency's item list publishes it. */
    itemName?: string;
  },
): Html {
  return html`<h1>${ctx.t('apply.progress.title')}</h1>
    <p>${ctx.t('apply.progress.lead')}</p>
    ${errorSummary(ctx, view.state)}
    <form method="post" action="/apply/progress" novalidate>
      <input type="hidden" name="_csrf" value="${view.csrfToken}" />
      ${
        typeof view.state.values.consistentWith === 'string' &&
        html`<input type="hidden" name="consistentWith" value="${view.state.values.consistentWith}" />`
      }
      ${PROGRESS_FIELDS.map((spec) => field(ctx, spec, view.state))}
      <button type="submit">${ctx.t('apply.progress.submit')}</button>
    </form>
    ${view.progress && progressResult(ctx, view.progress, view.utcOffsetOf(view.progress.agency), view.itemName)}`;
}

/** The progress found; when the applicant's data was erased (recorded in UTC) in the agency's time, `offset` east of UTC. */
/** A licensing item as the reader knows it: its name, with its code in brackets; the code alone when unnamed. */
export function itemText(ctx: PageContext, code: string, name: string | undefined): string {
  return name === undefined ? code : bracketed(ctx, name, code);
}

function progressResult(ctx: PageContext, p: ProgressView, offset: number, itemName?: string): Html {
  const row = (key: MessageKey, value: Html | string | undefined) =>
    value !== undefined &&
    html`<dt>${ctx.t(key)}</dt>
      <dd>${value}</dd>`;
  return html`<section aria-labelledby="progress-title">
    <h2 id="progress-title">${ctx.t('apply.progress.result')}</h2>
    <dl class="fields">
      ${row('apply.receipt.id', p.applicationId)} ${row('apply.receipt.agency', agencyName(ctx, p.agency))}
      ${row('apply.item', itemText(ctx, p.itemCode, itemName))}
      ${row('apply.status', html`<strong id="progress-status">${ctx.t(`apply.status.${p.status}` as MessageKey)}</strong>`)}
      ${row('apply.receipt.filedOn', p.filedOn)} ${row('apply.receipt.acceptBy', p.acceptBy)}
      ${row('apply.acceptedOn', p.acceptedOn)} ${row('apply.caseId', p.caseId)}
      ${row('apply.rejectedOn', p.rejection?.rejectedOn)} ${row('apply.rejectReason', p.rejection?.reason)}
      ${row('apply.legalBasis', p.rejection?.legalBasis)}
      ${row('apply.decision', p.decision && label(ctx, 'decision', p.decision.decisionType))}
      ${row('apply.decidedOn', p.decision?.decidedOn)} ${row('apply.disclosedOn', p.disclosedOn)}
    </dl>
    ${p.dataErasedAt !== undefined && html`<p id="progress-erased">${ctx.t('apply.dataErased', { at: localMinuteWithOffset(p.dataErasedAt, offset) })}</p>`}
    ${
      p.status === 'disclosed' &&
      p.caseId !== undefined &&
      html`<p><a href="${disclosureHref({ agency: p.agency, caseId: p.caseId })}">${ctx.t('apply.disclosure')}</a></p>`
    }
  </section>`;
}
