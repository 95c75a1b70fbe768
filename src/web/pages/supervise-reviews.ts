import type { SupervisionReads } from '../../app/supervision-reads.js';
import { html, type Html } from '../html.js';
import type { PageContext } from '../layout.js';
import { caseHref } from '../links.js';
import { dataTable } from './data-table.js';

/** The legal reviews past their time limit (审核时限), as `GET /v1/audit/overdue-reviews` gives them. */
export type OverdueReviews = Awaited<ReturnType<SupervisionReads['overdueReviews']>>;

/** The dashboard's list of reviews not completed by their last day, or completed after it. */
export function overdueReviewsSection(ctx: PageContext, reviews: OverdueReviews): Html {
  return html`<section aria-labelledby="overdue-reviews">
    <h2 id="overdue-reviews">${ctx.t('supervise.overdueReviews')}</h2>
    ${dataTable(
      ctx,
      ['case.caseId', 'case.agency', 'supervise.reviewRequestedOn', 'supervise.reviewDueBy', 'supervise.daysOverdue'],
      reviews.items.map(
        (r) =>
          html`<tr>
            <td><a href="${caseHref(r)}">${r.caseId}</a></td>
            <td>${r.agency}</td>
            <td>${r.requestedOn}</td>
            <td>${ctx.t('supervise.reviewLimit', { dueBy: r.dueBy, days: r.workingDays })}</td>
            <td>
              ${r.daysOverdue}${
                r.status === 'completed_late'
                  ? `（${ctx.t('supervise.reviewCompletedLate', { on: r.completedOn ?? '' })}）`
                  : ''
              }
            </td>
          </tr>`,
      ),
      'supervise.none',
    )}
  </section>`;
}
