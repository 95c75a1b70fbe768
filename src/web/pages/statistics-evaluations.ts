import type { PublicStatistics } from '../../app/public-statistics.js';
import { averageScore } from '../../domain/case/evaluation-figures.js';
import { EVALUATION_POINTS } from '../../domain/case/evaluation.js';
import { html, type Html } from '../html.js';
import type { MessageKey } from '../i18n.js';
import type { PageContext } from '../layout.js';
import { dataTable } from './data-table.js';
import { agencyName } from './labels.js';

/** An item of the figures (`agency/code` over several agencies, else its code): its code, and its agency's name. */
function itemShown(ctx: PageContext, key: string): string {
  const slash = key.indexOf('/');
  return slash < 0 ? key : `${key.slice(slash + 1)} · ${agencyName(ctx, key.slice(0, slash))}`;
}

/** Points given of points possible in whole percent, rounded down (100 when nothing was possible). */
const rate = (points: number, maxPoints: number): number =>
  maxPoints === 0 ? 100 : Math.floor((points * 100) / maxPoints);

/**
 * The yearly statistics' case-file evaluations (案卷评查): how many, by enforcement item the count and the average
 * total score, and by checklist rule the score rate and deductions, the weakest first.
 */
export function evaluationsSection(ctx: PageContext, stats: PublicStatistics): Html {
  const { evaluations, cases, byRule, byItem } = stats.figures.caseFileEvaluations;
  const rules = EVALUATION_POINTS.map((point) => ({ point, ...byRule[point] })).sort(
    (a, b) => rate(a.points, a.maxPoints) - rate(b.points, b.maxPoints) || b.deductions - a.deductions,
  );
  return html`<section aria-labelledby="evaluations-heading">
    <h2 id="evaluations-heading">${ctx.t('statistics.evaluations')}</h2>
    ${
      evaluations === 0
        ? html`<p>${ctx.t('statistics.evaluationsNone')}</p>`
        : html`<p>${ctx.t('statistics.evaluationsLead', { year: stats.year, evaluations, cases })}</p>
            <h3>${ctx.t('statistics.evaluationsByItem')}</h3>
            ${dataTable(
              ctx,
              ['statistics.item', 'quality.weak.evaluations', 'statistics.averageScore'],
              Object.entries(byItem).map(([item, s]) => [
                itemShown(ctx, item),
                String(s.evaluations),
                `${s.averageScore} / ${averageScore(s.maxPoints, s.evaluations)}`,
              ]),
            )}
            <h3>${ctx.t('statistics.evaluationsByRule')}</h3>
            ${dataTable(
              ctx,
              ['statistics.rule', 'quality.weak.points', 'quality.weak.percent', 'quality.weak.deductions'],
              rules.map((r) => [
                ctx.t(`form.check.${r.point}` as MessageKey),
                `${r.points} / ${r.maxPoints}`,
                `${rate(r.points, r.maxPoints)}%`,
                String(r.deductions),
              ]),
            )}`
    }
  </section>`;
}
