import type { DraftRecord } from '../../app/decision-drafts.js';
import { colon } from './labels.js';
import type { CaseFile } from '../../app/case-file-reads.js';
import { DECISION_TYPES } from '../../domain/case/acts.js';
import { errorSummary, field, type FieldSpec, type FormState } from '../forms/fields.js';
import { submissionField } from '../forms/submission.js';
import { html, type Html } from '../html.js';
import type { MessageKey } from '../i18n.js';
import type { PageContext } from '../layout.js';
import { caseHref } from '../links.js';

/** The drafting screen of a case. */
export const draftHref = (file: Pick<CaseFile, 'agency' | 'caseId'>): string => `${caseHref(file)}/draft`;

/** The page of a draft made: the draft offered, the form filled in from it (where a successful drafting leads). */
export const draftPageHref = (file: Pick<CaseFile, 'agency' | 'caseId'>, draftId: string): string =>
  `${caseHref(file)}/drafts/${encodeURIComponent(draftId)}`;

/** Where the portal serves a draft's file. */
export const draftFileHref = (file: Pick<CaseFile, 'agency' | 'caseId'>, draftId: string, format: 'pdf' | 'docx') =>
  `${caseHref(file)}/drafts/${encodeURIComponent(draftId)}/${format}`;

/** The decision form filled in from a draft, the drafted PDF as the document issued. */
export const issueHref = (file: Pick<CaseFile, 'agency' | 'caseId'>, draftId: string) =>
  `${caseHref(file)}/acts/DecisionIssued?draft=${encodeURIComponent(draftId)}`;

const text = (name: string, label: MessageKey, more: Partial<FieldSpec> = {}): FieldSpec => ({
  name,
  label,
  kind: 'text',
  ...more,
});

/** The fields of the drafting form: the decision proposed, as the API's body names its members. */
export const DRAFT_FIELDS: readonly FieldSpec[] = [
  text('decisionType', 'form.decisionType', {
    kind: 'select',
    options: DECISION_TYPES.map((value) => ({ value, label: `decision.${value}` as MessageKey })),
  }),
  text('fineFen', 'form.fineYuan', { kind: 'money', optional: true, hint: 'form.fineYuan.hint' }),
  text('legalBasis', 'form.legalBasis'),
  text('documentNo', 'form.documentNo'),
  text('decidedOn', 'form.decidedOn', { kind: 'date' }),
  text('facts', 'form.facts', { kind: 'textarea', optional: true, hint: 'form.facts.hint' }),
  text('reasons', 'form.reasons', { kind: 'textarea', optional: true }),
];

export interface DraftView {
  readonly file: CaseFile;
  readonly state: FormState;
  readonly csrf: Html;
  /** The draft made, offered for download (on its own page, {@link draftPageHref}). */
  readonly draft?: DraftRecord;
}

function drafted(ctx: PageContext, file: CaseFile, draft: DraftRecord): Html {
  const template =
    draft.template.source === 'agency'
      ? ctx.t('draft.template.agency', { version: draft.template.version })
      : ctx.t('draft.template.default');
  return html`<section aria-labelledby="draft-ready" class="notice" role="status">
    <h2 id="draft-ready">${ctx.t('draft.ready')}</h2>
    <p>${draft.documentNo} · ${template}</p>
    <ul class="actions">
      <li><a href="${draftFileHref(file, draft.draftId, 'pdf')}" download>${ctx.t('draft.pdf')}</a></li>
      <li><a href="${draftFileHref(file, draft.draftId, 'docx')}" download>${ctx.t('draft.docx')}</a></li>
    </ul>
    <p>${ctx.t('draft.sha256')}${colon(ctx)}<code>${draft.pdf.sha256}</code></p>
    ${
      file.status === 'open'
        ? html`<p class="muted">${ctx.t('draft.issueHint')}</p>
            <p><a href="${issueHref(file, draft.draftId)}">${ctx.t('draft.issue')}</a></p>`
        : html``
    }
  </section>`;
}

/** A case no longer open drafts nothing: what was decided, and the way to the case file. */
function decidedNotice(ctx: PageContext, file: CaseFile): Html {
  const documentNo = file.decision?.documentNo;
  return html`<p class="notice" role="status" id="draft-closed">
    ${ctx.t('draft.notOpen', { status: ctx.t(`case.status.${file.status}` as MessageKey) })}
    ${documentNo ? ctx.t('draft.issued', { documentNo }) : ''}
    <a href="${caseHref(file)}">${ctx.t('draft.toCase')}</a>
  </p>`;
}

/** The form drafting a case's decision document, and the draft once made. */
export function draftMain(ctx: PageContext, view: DraftView): Html {
  const { file } = view;
  return html`<h1>${ctx.t('draft.title')}</h1>
    <p>${ctx.t('draft.lead')}</p>
    <section aria-labelledby="case-summary" class="notice">
      <h2 id="case-summary">${ctx.t('form.caseSummary')}</h2>
      <p>
        <a href="${caseHref(file)}">${file.title}</a>
        <span class="muted">${ctx.t('case.caseId')}${colon(ctx)}${file.caseId}</span>
      </p>
    </section>
    ${view.draft && drafted(ctx, file, view.draft)} ${errorSummary(ctx, view.state)}
    ${
      file.status === 'open'
        ? html`<form method="post" action="${draftHref(file)}" novalidate>
            ${view.csrf} ${submissionField(view.state)} ${DRAFT_FIELDS.map((spec) => field(ctx, spec, view.state))}
            <button type="submit">${ctx.t('draft.submit')}</button>
          </form>`
        : decidedNotice(ctx, file)
    }`;
}
