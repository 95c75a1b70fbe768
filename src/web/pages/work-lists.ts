import type { Principal } from '../../app/auth.js';
import { html, type Html } from '../html.js';
import type { PageContext } from '../layout.js';
import { caseHref } from '../links.js';
import { actFormHref } from './case-actions.js';
import { label, yuan, colon } from './labels.js';

/** A case as the lists show it. */
export interface CaseRow {
  readonly caseId: string;
  readonly agency: string;
  readonly title: string;
  readonly status: string;
  readonly openedOn: string;
  readonly major: boolean;
  readonly proposal?: { readonly decisionType: string; readonly fineFen?: number; readonly legalBasis: string };
  /** A review queue's row: the pending review's last day and where it stands today. */
  readonly reviewDeadline?: { readonly dueBy: string; readonly workingDays: number; readonly status: string };
}

/**
 * The signed-in user's start page: what to do next (open a case, review) and a page of the agency's cases, `more`
 * (the pager) after them.
 */
export function workMain(ctx: PageContext, principal: Principal, cases: readonly CaseRow[], more: Html = html``): Html {
  return html`<h1>${ctx.t('work.title')}</h1>
    <ul class="actions">
      ${principal.roles.includes('officer') && html`<li><a href="/cases/new">${ctx.t('work.openCase')}</a></li>`}
      ${
        principal.roles.includes('officer') &&
        html`<li><a href="/work/applications">${ctx.t('apply.queue.title')}</a></li>`
      }
      ${principal.roles.includes('reviewer') && html`<li><a href="/reviews">${ctx.t('work.reviewQueue')}</a></li>`}
      ${principal.roles.includes('supervisor') && html`<li><a href="/supervise">${ctx.t('nav.supervise')}</a></li>`}
    </ul>
    <section aria-labelledby="cases">
      <h2 id="cases">${ctx.t('work.myCases')}</h2>
      ${
        cases.length === 0
          ? html`<p>${ctx.t('work.none')}</p>`
          : html`<table>
              <thead>
                <tr>
                  <th scope="col">${ctx.t('form.title')}</th>
                  <th scope="col">${ctx.t('case.caseId')}</th>
                  <th scope="col">${ctx.t('case.openedOn')}</th>
                  <th scope="col">${ctx.t('case.status')}</th>
                </tr>
              </thead>
              <tbody>
                ${cases.map(
                  (c) =>
                    html`<tr>
                      <td><a href="${caseHref(c)}">${c.title}</a></td>
                      <td>${c.caseId}</td>
                      <td>${c.openedOn}</td>
                      <td>${label(ctx, 'case.status', c.status)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
      ${more}
    </section>`;
}

/**
 * The reviewer's queue: a page of the cases awaiting legal review, each with its proposal and the review form's
 * link, `more` (the pager) after them.
 */
export function reviewQueueMain(ctx: PageContext, pending: readonly CaseRow[], more: Html = html``): Html {
  return html`<h1>${ctx.t('review.queue.title')}</h1>
    ${
      pending.length === 0
        ? html`<p>${ctx.t('review.queue.none')}</p>`
        : html`<ul class="cards">
            ${pending.map(
              (c) =>
                html`<li>
                  <a href="${caseHref(c)}">${c.title}</a>
                  <span class="muted">${c.caseId} · ${c.openedOn}</span>
                  ${
                    c.proposal &&
                    html`<p>
                      ${ctx.t('review.queue.proposal')}${colon(ctx)}${label(ctx, 'decision', c.proposal.decisionType)}
                      ${c.proposal.fineFen ? yuan(c.proposal.fineFen) : ''} · ${c.proposal.legalBasis}
                    </p>`
                  }
                  ${
                    c.reviewDeadline &&
                    html`<p class="timeliness-${c.reviewDeadline.status}">
                      ${ctx.t('case.reviewLimit.dueBy')}${colon(ctx)}${ctx.t('case.reviewLimit.days', {
                        dueBy: c.reviewDeadline.dueBy,
                        days: c.reviewDeadline.workingDays,
                      })}
                      <strong>${label(ctx, 'reviewTimeliness', c.reviewDeadline.status)}</strong>
                    </p>`
                  }
                  <p><a href="${actFormHref(c, 'LegalReviewCompleted')}">${ctx.t('review.queue.review')}</a></p>
                </li>`,
            )}
          </ul>`
    }
    ${more}`;
}
