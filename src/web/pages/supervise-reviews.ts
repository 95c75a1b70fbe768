import type { Router } from 'express';
import { given } from './paging.js';
import { withAgency } from './supervision-screen.js';
import { listingOf } from '../../http/retrieval.js';
import type { RegistryService } from '../../app/registry-service.js';
import type { SupervisionReads } from '../../app/supervision-reads.js';
import { id } from '../../http/query.js';
import type { PortalAssets } from '../assets.js';
import { html, type Html } from '../html.js';
import { pageContext, sendPage, type PageContext } from '../layout.js';
import { caseHref } from '../links.js';
import { portalPrincipal, signedIn } from '../session.js';
import { columnTable, dataTable, type TableColumn } from './data-table.js';
import { agencyName, bracketed } from './labels.js';
import { allLink } from './supervise.js';
import { limitText, type ReviewSettings } from './review-settings.js';

/** The legal reviews past their time limit (审核时限), as `GET /v1/audit/overdue-reviews` gives them. */
export type OverdueReviews = Awaited<ReturnType<SupervisionReads['overdueReviews']>>;

/** How many reviews `/supervise/reviews` lists. */
export const OVERDUE_REVIEW_ROWS = 50;

/** The supervision reviews page. */
export const SUPERVISE_REVIEWS_PATH = '/supervise/reviews';

export function overdueTable(ctx: PageContext, reviews: OverdueReviews): Html {
  return columnTable(ctx, overdueReviewsColumns(ctx), reviews.items, 'supervise.none');
}

/** The columns of the reviews past their limit: each one's days over, and what was late when it was completed. */
export function overdueReviewsColumns(ctx: PageContext): TableColumn<OverdueReviews['items'][number]>[] {
  return [
    { head: 'case.caseId', text: (r) => r.caseId, cell: (r) => html`<a href="${caseHref(r)}">${r.caseId}</a>` },
    { head: 'case.agency', text: (r) => agencyName(ctx, r.agency) },
    { head: 'supervise.reviewRequestedOn', text: (r) => r.requestedOn },
    {
      head: 'supervise.reviewDueBy',
      text: (r) => ctx.t('supervise.reviewLimit', { dueBy: r.dueBy, days: r.workingDays }),
    },
    {
      head: 'supervise.daysOverdue',
      text: (r) =>
        r.status === 'completed_late'
          ? bracketed(ctx, String(r.daysOverdue), ctx.t('supervise.reviewCompletedLate', { on: r.completedOn ?? '' }))
          : r.status === 'recorded_late'
            ? bracketed(ctx, String(r.daysOverdue), ctx.t('supervise.recordedLate', { on: r.recordedOn }))
            : String(r.daysOverdue),
    },
  ];
}

/** The dashboard's list of reviews not completed by their last day, or completed after it. */
export function overdueReviewsSection(ctx: PageContext, reviews: OverdueReviews, agency?: string): Html {
  return html`<section aria-labelledby="overdue-reviews">
    <h2 id="overdue-reviews">${ctx.t('supervise.overdueReviews')}</h2>
    ${overdueTable(ctx, reviews)} ${allLink(ctx, 'overdue-reviews', reviews, agency)}
    <p><a href="${withAgency(SUPERVISE_REVIEWS_PATH, agency)}">${ctx.t('superviseReviews.link')}</a></p>
  </section>`;
}

/**
 * `/supervise/reviews`: the review time limit each supervised agency has set (or the default it keeps), as
 * `GET /v1/agencies/{agency}/review-settings` gives it, and the reviews past their limit, as
 * `GET /v1/audit/overdue-reviews` answers them; `?agency=` narrows both to one agency.
 */
export function registerOverdueReviewsPage(
  router: Router,
  deps: {
    supervision: Pick<SupervisionReads, 'overdueReviews'>;
    registry: Pick<RegistryService, 'reviewSettings'>;
    assets: PortalAssets;
  },
): void {
  router.get(SUPERVISE_REVIEWS_PATH, signedIn('supervisor'), async (req, res) => {
    const ctx = pageContext(req, res, deps.assets);
    const principal = portalPrincipal(res);
    const agency = id(given(req.query.agency), 'agency');
    const agencies = [...new Set([principal.agency, ...principal.supervises])];
    const shown = agency === undefined ? agencies : agencies.filter((a) => a === agency);
    const [overdue, limits] = await Promise.all([
      deps.supervision.overdueReviews(
        { principal, ...listingOf(req, res), ...(agency === undefined ? {} : { agency }) },
        { limit: OVERDUE_REVIEW_ROWS },
      ),
      Promise.all(shown.map((a) => deps.registry.reviewSettings(a))),
    ]);
    sendPage(res, ctx, {
      title: ctx.t('superviseReviews.title'),
      main: superviseReviewsMain(ctx, { agencies, ...(agency === undefined ? {} : { agency }), overdue, limits }),
    });
  });
}

function superviseReviewsMain(
  ctx: PageContext,
  d: { agencies: readonly string[]; agency?: string; overdue: OverdueReviews; limits: readonly ReviewSettings[] },
): Html {
  return html`<h1>${ctx.t('superviseReviews.title')}</h1>
    <p class="lead">${ctx.t('superviseReviews.lead')}</p>
    <form class="filters" method="get" action="${SUPERVISE_REVIEWS_PATH}">
      <label for="f-agency">${ctx.t('case.agency')}</label>
      <select id="f-agency" name="agency">
        <option value="">${ctx.t('supervise.allAgencies')}</option>
        ${d.agencies.map((a) => html`<option value="${a}" ${a === d.agency ? html`selected` : ''}>${agencyName(ctx, a)}</option>`)}
      </select>
      <button type="submit">${ctx.t('supervise.show')}</button>
    </form>
    <section aria-labelledby="review-limits">
      <h2 id="review-limits">${ctx.t('superviseReviews.limits')}</h2>
      ${dataTable(
        ctx,
        ['case.agency', 'reviewSettings.current'],
        d.limits.map((s) => [agencyName(ctx, s.agency), limitText(ctx, s)]),
        'supervise.none',
      )}
    </section>
    <section aria-labelledby="overdue-reviews">
      <h2 id="overdue-reviews">${ctx.t('supervise.overdueReviews')}</h2>
      <p class="muted">${ctx.t('superviseReviews.asOf', { asOf: d.overdue.asOf })}</p>
      ${overdueTable(ctx, d.overdue)} ${allLink(ctx, 'overdue-reviews', d.overdue, d.agency)}
    </section>`;
}
