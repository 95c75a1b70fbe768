import type { CaseFile } from '../../app/case-file-reads.js';
import type { ReviewEntry } from '../../../projections/case-files.js';
import { actForm, type ActForm } from '../forms/acts.js';
import { errorSummary, field, type FieldSpec, type FormState } from '../forms/fields.js';
import { submissionField } from '../forms/submission.js';
import { html, type Html } from '../html.js';
import type { MessageKey } from '../i18n.js';
import type { PageContext } from '../layout.js';
import { caseHref, mediumHref } from '../links.js';
import { actFormHref } from './case-actions.js';
import { draftFileHref } from './draft-form.js';
import { discretionFlag, similarFinesSection, type SimilarFines } from './discretion.js';
import { colon, enumerationSeparator, label, personShown, yuan } from './labels.js';

/** The fields every act form has besides its own: when, who was there, and the file it carries. */
export function commonFields(form: ActForm): { before: FieldSpec[]; after: FieldSpec[] } {
  return {
    before: [
      { name: 'occurredAt', label: 'form.occurredAt', kind: 'datetime' },
      ...(form.officers
        ? [{ name: 'officers', label: 'form.officers', kind: 'text', hint: 'form.officers.hint' } as const]
        : []),
    ],
    after: form.medium
      ? [{ name: 'medium', label: 'form.medium', kind: 'file', hint: 'form.medium.hint', optional: true }]
      : [],
  };
}

/** Every field of an act's form, in order. */
export function allFields(form: ActForm): FieldSpec[] {
  const { before, after } = commonFields(form);
  return [...before, ...form.fields, ...after];
}

export interface ActFormView {
  readonly agency: string;
  readonly caseId: string;
  readonly type: string;
  readonly state: FormState;
  /** The case as read when the form was opened (not when it comes back with an error). */
  readonly file?: CaseFile;
  /** The hidden field against cross-site request forgery. */
  readonly csrf: Html;
  /** The CSRF token, for a form that uploads: its body is checked only after the upload, so it rides in the URL. */
  readonly csrfToken?: string;
  /** The fines of similar past decisions, on the proposal, decision and review screens (裁量基准). */
  readonly similarFines?: SimilarFines;
}

/** The proposal a review is about: the latest one requested on the case. */
function pendingProposal(ctx: PageContext, file: CaseFile): Html {
  const requested = file.timeline.filter((t) => t.type === 'LegalReviewRequested').at(-1);
  const proposed = requested?.data.proposed as
    { decisionType: string; fineFen?: number; legalBasis: string } | undefined;
  if (!proposed) return html``;
  return html`<p>
    ${ctx.t('review.pendingProposal')}${colon(ctx)}<strong>${label(ctx, 'decision', proposed.decisionType)}</strong>
    ${proposed.fineFen ? yuan(proposed.fineFen) : ''} · ${proposed.legalBasis}
  </p>`;
}

/**
 * The proposal the latest legal review passed (审核通过, or upheld when the disagreement was settled, 协调决策), when
 * no newer request for review waits: what the decision is recorded as, once reviewed.
 */
export function passedProposal(file: Pick<CaseFile, 'reviews' | 'timeline'>): ReviewEntry['proposal'] | undefined {
  const review = file.reviews.at(-1);
  if (!review || !(review.outcome === 'approved' || review.resolution === 'proposal_upheld')) return undefined;
  const requested = file.timeline.findLastIndex((t) => t.type === 'LegalReviewRequested');
  const completed = file.timeline.findLastIndex((t) => t.eventId === review.eventId);
  return requested > completed ? undefined : review.proposal;
}

/** On the decision's form, the proposal the legal review passed, which the form was filled in with. */
function passedProposalNote(ctx: PageContext, file: CaseFile): Html {
  const proposal = file.decision === undefined ? passedProposal(file) : undefined;
  if (!proposal) return html``;
  // approved by the review, or upheld against it when the disagreement was settled (协调决策)
  const upheld = file.reviews.at(-1)?.outcome !== 'approved';
  const circumstance = proposal.circumstance ? ` · ${label(ctx, 'circumstance', proposal.circumstance)}` : '';
  return html`<p>
      ${ctx.t(upheld ? 'issue.upheldProposal' : 'issue.passedProposal')}${colon(ctx)}<strong
        >${label(ctx, 'decision', proposal.decisionType)}</strong
      >
      ${proposal.fineFen ? yuan(proposal.fineFen) : ''}${circumstance} · ${proposal.legalBasis}
    </p>
    <p class="hint">${ctx.t(file.major ? 'issue.passedProposal.major' : 'issue.passedProposal.hint')}</p>`;
}

/**
 * On the head's form settling a disagreement (审核意见分歧协调): what is being settled, the proposal the review did
 * not pass and the reviewer's outcome and opinion, with the checks not met, so that the head decides with both in view.
 */
function disagreementNote(ctx: PageContext, file: CaseFile): Html {
  const review = file.reviews.at(-1);
  if (!review || review.outcome !== 'rejected' || review.resolution !== undefined) return html``;
  const { proposal } = review;
  const circumstance = proposal.circumstance ? ` · ${label(ctx, 'circumstance', proposal.circumstance)}` : '';
  const unmet = Object.entries(review.checks)
    .filter(([check, met]) => !met && check !== 'criminalReferralNeeded')
    .map(([check]) => `“${ctx.t(`form.check.${check}` as MessageKey)}”`);
  return html`<dl class="fields" id="disagreement">
    <dt>${ctx.t('resolve.proposal')}</dt>
    <dd>
      <strong>${label(ctx, 'decision', proposal.decisionType)}</strong>
      ${proposal.fineFen ? yuan(proposal.fineFen) : ''}${circumstance} · ${proposal.legalBasis}
    </dd>
    <dt>${ctx.t('resolve.review')}</dt>
    <dd>
      <strong>${label(ctx, 'review.outcome', review.outcome)}</strong>
      · ${personShown(ctx, file.agency, review.reviewer)}${colon(ctx)}${review.opinion}
    </dd>
    ${
      unmet.length > 0 &&
      html`<dt>${ctx.t('resolve.unmet')}</dt>
        <dd>${unmet.join(enumerationSeparator(ctx))}</dd>`
    }
  </dl>`;
}

/** On the review screen, the circumstance the pending proposal names: its chart is the one shown. */
const reviewedCircumstance = (view: ActFormView): string | undefined =>
  view.type === 'LegalReviewCompleted' ? view.file?.discretion?.proposal?.circumstance : undefined;

/**
 * The document a decision issues, when the form carries one (opened from a draft): its SHA-256 shown and sent as
 * `documentSha256`, the drafted PDF linked; the file itself rides among the act's media.
 */
function issuedDocument(ctx: PageContext, view: ActFormView, sha256: string): Html {
  const draft = [view.state.values.draft ?? []].flat()[0];
  return html`<section aria-labelledby="issued-document" class="notice">
    <h2 id="issued-document">${ctx.t('issue.document')}</h2>
    <p>${ctx.t('issue.document.lead')}</p>
    <p>${ctx.t('draft.sha256')}${colon(ctx)}<code>${sha256}</code></p>
    ${
      draft &&
      html`<p><a href="${draftFileHref(view, draft, 'pdf')}" download>${ctx.t('issue.document.pdf')}</a></p>
        <input type="hidden" name="draft" value="${draft}" />`
    }
    <input type="hidden" name="data.documentSha256" value="${sha256}" />
  </section>`;
}

/** The form recording one act on a case. */
export function actFormMain(ctx: PageContext, view: ActFormView): Html {
  const form = actForm(view.type)!;
  const { before, after } = commonFields(form);
  // the ten checks of a review are one group: a fieldset among the form's own fields
  const isCheck = (f: FieldSpec) => f.name.startsWith('data.checks.');
  const firstCheck = form.fields.findIndex(isCheck);
  const split = firstCheck < 0 ? form.fields.length : firstCheck;
  const checks = form.fields.filter(isCheck);
  const [head, tail] = [form.fields.slice(0, split), form.fields.slice(split).filter((f) => !isCheck(f))];
  const kept = [view.state.values.media ?? []].flat().filter((v): v is string => typeof v === 'string' && v !== '');
  const document = form.document ? [view.state.values['data.documentSha256'] ?? []].flat()[0] : undefined;
  // the issued document is told apart from the other files kept, which the officer may leave out (a file sent in
  // error with a refused act): a ticked box each, unticked not sent
  const others = kept.filter((sha) => sha !== document);
  const href = caseHref(view);
  const action = `${actFormHref(view, view.type)}${form.medium && view.csrfToken ? `?_csrf=${encodeURIComponent(view.csrfToken)}` : ''}`;
  const title = label(ctx, 'act', view.type);
  return html`<h1>${title}</h1>
    <section aria-labelledby="case-summary" class="notice">
      <h2 id="case-summary">${ctx.t('form.caseSummary')}</h2>
      <p>
        <a href="${href}">${view.file?.title ?? view.caseId}</a>
        <span class="muted">${ctx.t('case.caseId')}${colon(ctx)}${view.caseId}</span>
        ${view.file && html`<span class="muted">${label(ctx, 'case.status', view.file.status)}</span>`}
      </p>
      ${view.file && view.type === 'LegalReviewCompleted' && pendingProposal(ctx, view.file)}
      ${view.file && view.type === 'LegalReviewCompleted' && discretionFlag(ctx, view.file)}
      ${view.file && view.type === 'DecisionIssued' && passedProposalNote(ctx, view.file)}
      ${view.file && view.type === 'ReviewDisagreementResolved' && disagreementNote(ctx, view.file)}
    </section>
    ${view.similarFines && similarFinesSection(ctx, view.similarFines, reviewedCircumstance(view))}
    ${errorSummary(ctx, view.state)}
    <form method="post" action="${action}" novalidate ${form.medium ? html`enctype="multipart/form-data"` : ''}>
      ${view.csrf} ${submissionField(view.state)}
      ${document !== undefined && kept.includes(document) && html`<input type="hidden" name="media" value="${document}" />`}
      ${document && issuedDocument(ctx, view, document)}
      ${
        others.length > 0 &&
        html`<fieldset class="notice">
          <legend>${ctx.t('form.media.kept', { count: others.length })}</legend>
          <p class="hint">${ctx.t('form.media.kept.hint')}</p>
          ${others.map(
            (sha, i) =>
              html`<div class="checkbox">
                <input type="checkbox" id="kept-${i + 1}" name="media" value="${sha}" checked />
                <label for="kept-${i + 1}">${ctx.t('case.act.medium', { n: i + 1 })}</label>
                <a href="${mediumHref(sha)}">${sha.slice(0, 12)}…</a>
              </div>`,
          )}
        </fieldset>`
      }
      ${[...before, ...head].map((spec) => field(ctx, spec, view.state))}
      ${
        checks.length > 0 &&
        html`<fieldset class="checks">
          <legend>${ctx.t('form.checks')}</legend>
          ${checks.map((spec) => field(ctx, spec, view.state))}
        </fieldset>`
      }
      ${[...tail, ...after].map((spec) => field(ctx, spec, view.state))}
      <button type="submit">${ctx.t('form.submit')}</button>
    </form>`;
}
