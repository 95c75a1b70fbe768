import type { Principal } from '../../app/auth.js';
import type { CaseFile } from '../../app/case-file-reads.js';
import { html, type Html } from '../html.js';
import type { PageContext } from '../layout.js';
import { caseHref } from '../links.js';
import { label } from './labels.js';

/** The acts an officer records on an open case from its page, each with a form of its own. */
export const OFFICER_ACTS = [
  'OnSiteInspectionRecorded',
  'EvidenceCollected',
  'PropertySeized',
  'ForcedDemolition',
  'DocumentServed',
  'RecordingAttached',
  'HearingHeld',
  'CaseMarkedComplex',
  'CounselOpinionRecorded',
  'LegalReviewRequested',
  'DecisionIssued',
] as const;

/** The acts an officer records once the case is decided or published. */
const AFTER_DECISION: Record<string, readonly string[]> = {
  decided: ['DecisionDisclosed', 'DocumentServed', 'ForcedDemolition', 'RecordingAttached'],
  disclosed: [
    'DocumentServed',
    'ForcedDemolition',
    'RecordingAttached',
    'DisclosureUpdated',
    'DisclosureWithdrawn',
    'CaseClosed',
  ],
  withdrawn: ['RecordingAttached', 'CaseClosed'],
  closed: ['DisclosureUpdated', 'DisclosureWithdrawn'],
  exempted: ['RecordingAttached', 'CaseClosed'],
};

/**
 * The acts the head (admin) records by the case's status, beside resolving a disagreement: deciding, publishing,
 * updating or withdrawing the publication, closing (the decider's roles allow them the head as the officers), and
 * exempting a decision from publication on a lawful ground (the head's alone).
 */
const HEAD_ACTS: Record<string, readonly string[]> = {
  open: ['DecisionIssued'],
  decided: ['DecisionDisclosed', 'DisclosureExempted'],
  disclosed: ['DisclosureUpdated', 'DisclosureWithdrawn', 'CaseClosed'],
  withdrawn: ['DisclosureExempted', 'CaseClosed'],
  closed: ['DisclosureUpdated', 'DisclosureWithdrawn', 'DisclosureExempted'],
  exempted: ['CaseClosed'],
};

/** Where an act of `type` last stands in the case's timeline, -1 when it has none. */
function lastOf(file: Pick<CaseFile, 'timeline'>, type: string): number {
  for (let i = file.timeline.length - 1; i >= 0; i--) if (file.timeline[i]!.type === type) return i;
  return -1;
}

/** The URL of the form recording an act of `type` on the case. */
export const actFormHref = (file: Pick<CaseFile, 'agency' | 'caseId'>, type: string): string =>
  `${caseHref(file)}/acts/${type}`;

/**
 * The work the reader may start on the case from its page, by role and the case's status: an officer of the
 * agency records acts (a request for legal review while none is pending); a reviewer reviews; the head (admin)
 * resolves a disagreement the latest review left, decides, publishes and closes. The rules still decide on
 * submission: a link here is an offer, never a permission.
 */
export function caseActions(
  ctx: PageContext,
  principal: Principal,
  file: CaseFile,
  /** Whether the reader has evaluated the file already: the link then offers to amend their evaluation. */
  evaluated = false,
): Html {
  // a supervisor of the agency, or of one that supervises it, evaluates its closed case files (案卷评查): the page
  // is shown only to those who may read the case; the rest is for the agency's own people
  const evaluate = file.status === 'closed' && principal.roles.includes('supervisor');
  const own = principal.agency === file.agency;
  const types = new Set<string>();
  // a request for legal review is pending until a review completes it: no second request, nothing to resolve yet
  const reviewPending = lastOf(file, 'LegalReviewRequested') > lastOf(file, 'LegalReviewCompleted');
  const latestReview = file.reviews.at(-1);
  // an opinion against the proposal (不同意) is settled by the head; a file returned for supplement is reviewed again
  const disagreement =
    !reviewPending &&
    latestReview !== undefined &&
    latestReview.outcome === 'rejected' &&
    latestReview.resolution === undefined;
  if (own && principal.roles.includes('officer')) {
    for (const type of file.status === 'open' ? OFFICER_ACTS : (AFTER_DECISION[file.status] ?? [])) {
      if (!(type === 'LegalReviewRequested' && reviewPending)) types.add(type);
    }
  }
  if (own && file.status === 'open' && principal.roles.includes('reviewer')) {
    // the reviewer receives the counsel's written opinion on a case marked major, complex or difficult
    if (file.counsel?.markings.length) types.add('CounselOpinionRecorded');
    // a review answers a request still pending: none before one, none once it is answered
    if (reviewPending) types.add('LegalReviewCompleted');
  }
  if (own && principal.roles.includes('admin')) {
    if (file.status === 'open' && disagreement) types.add('ReviewDisagreementResolved');
    for (const type of HEAD_ACTS[file.status] ?? []) types.add(type);
  }
  // a publication is updated or withdrawn only while it stands: not once withdrawn or never made (a closed case
  // whose decision was exempted, or whose publication was withdrawn after the closing)
  if (file.decision?.disclosedOn === undefined || file.decision.withdrawn !== undefined) {
    types.delete('DisclosureUpdated');
    types.delete('DisclosureWithdrawn');
  }
  // a closed case's decision is exempted only once its publication was withdrawn, and only once
  const standing = file.decision?.disclosedOn !== undefined && file.decision.withdrawn === undefined;
  if (file.status === 'closed' && (!file.decision || standing || file.decision.exemption !== undefined)) {
    types.delete('DisclosureExempted');
  }
  // a handling officer drafts the decision document of an open case (文书制作)
  const draft =
    own && file.status === 'open' && principal.roles.includes('officer') && file.officers.includes(principal.sub);
  if (types.size === 0 && !evaluate) return html``;
  return html`<ul class="actions">
    ${[...types].map((type) => html`<li><a href="${actFormHref(file, type)}">${label(ctx, 'act', type)}</a></li>`)}
    ${draft && html`<li><a href="${caseHref(file)}/draft">${ctx.t('draft.link')}</a></li>`}
    ${
      evaluate &&
      html`<li>
        <a href="${caseHref(file)}/evaluate">${ctx.t(evaluated ? 'evaluation.amendLink' : 'evaluation.link')}</a>
      </li>`
    }
  </ul>`;
}
