import type { CaseFile } from '../../app/case-file-reads.js';
import { html, type Html } from '../html.js';
import type { PageContext } from '../layout.js';
import { label, colon, bracketed } from './labels.js';

/**
 * The legal review's time limit on the case page: requested on, the last day (working days on the calendar), and
 * where it stands today; nothing before a review is requested.
 */
export function reviewDeadlineFields(ctx: PageContext, file: CaseFile): Html {
  const d = file.reviewDeadline;
  if (!d) return html``;
  return html`<dl class="fields review-deadline">
    <dt>${ctx.t('case.reviewLimit.requestedOn')}</dt>
    <dd>${d.requestedOn}</dd>
    <dt>${ctx.t('case.reviewLimit.dueBy')}</dt>
    <dd>${ctx.t('case.reviewLimit.days', { dueBy: d.dueBy, days: d.workingDays })}</dd>
    ${
      d.completedOn &&
      html`<dt>${ctx.t('case.reviewLimit.completedOn')}</dt>
        <dd>${d.completedOn}</dd>`
    }
    <dt>${ctx.t('case.reviewLimit.standing')}</dt>
    <dd class="timeliness-${d.status}"><strong>${label(ctx, 'reviewTimeliness', d.status)}</strong></dd>
  </dl>`;
}

/**
 * A case marked major, complex or difficult (重大、疑难、复杂): why, and the opinions of legal advisers and
 * public-sector lawyers, with a note while the review waits for one. Nothing for an unmarked case without opinions.
 * `shown` writes a marking's time (the case page's: in the agency's local time).
 */
export function counselSection(ctx: PageContext, file: CaseFile, shown: (dateTime: string) => string): Html {
  const counsel = file.counsel;
  if (!counsel) return html``;
  return html`<section aria-labelledby="counsel">
    <h2 id="counsel">${ctx.t('case.counsel')}</h2>
    ${counsel.markings.map(
      (m) =>
        html`<p>
          ${ctx.t('case.counsel.marked')}${colon(ctx)}${m.reason}
          <span class="muted"
            >${ctx.t('case.counsel.markedBy')}${colon(ctx)}${m.markedBy} ·
            <time datetime="${m.occurredAt}">${shown(m.occurredAt)}</time></span
          >
        </p>`,
    )}
    ${counsel.opinionRequired && html`<p class="notice"><strong>${ctx.t('case.counsel.required')}</strong></p>`}
    <h3>${ctx.t('case.counsel.opinions')}</h3>
    ${
      counsel.opinions.length === 0
        ? html`<p>${ctx.t('case.counsel.none')}</p>`
        : html`<ul class="cards">
            ${counsel.opinions.map(
              (o) =>
                html`<li>
                  <strong>${bracketed(ctx, o.name ?? o.counsel, label(ctx, 'counsel', o.counselRole))}</strong>
                  <span>${ctx.t('case.counsel.givenOn')}${colon(ctx)}${o.givenOn}</span>
                  <p>${o.opinion}</p>
                </li>`,
            )}
          </ul>`
    }
  </section>`;
}
