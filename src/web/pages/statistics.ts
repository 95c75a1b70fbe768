import type { Request, Router } from 'express';
import { agencyName, colon } from './labels.js';
import type { PublicStatistics } from '../../app/public-statistics.js';
import { CSV_CONTENT_TYPE, metricsCsv } from '../../http/csv.js';
import { id, oneOf } from '../../http/query.js';
import { FIRST_YEAR } from '../../domain/calendar/recorded-years.js';
import { notFound } from '../../domain/errors.js';
import { html, type Html } from '../html.js';
import type { MessageKey } from '../i18n.js';
import { pageContext, sendPage, type PageContext } from '../layout.js';
import { barChart, type Bar } from './charts.js';
import { evaluationsSection } from './statistics-evaluations.js';
import {
  formQuery,
  hrefWith,
  label,
  select,
  unknownAgencyPage,
  yuan,
  type PublicPagesDependencies,
} from './public-parts.js';

/** `/statistics/2026`, `/statistics/2026.csv`: a four-digit year, for the CSV with `.csv`. */
const YEAR = /^(\d{4})(\.csv)?$/;
/** How many years before the current one the year links go back. */
const YEARS_SHOWN = 5;

/**
 * `/statistics` (the current year) and `/statistics/{year}`: the figures of the plan's yearly report, over every
 * agency or one (`?agency=`), from `PublicStatisticsReads` (only aggregate figures), with server-drawn SVG charts,
 * each beside a table of its figures, and the same figures as CSV (`/statistics/{year}.csv` or `?format=csv`).
 */
export function registerStatisticsPages(router: Router, deps: PublicPagesDependencies): void {
  const answer = async (req: Request, res: Parameters<Parameters<Router['get']>[1]>[1], year: number, csv: boolean) => {
    const ctx = pageContext(req, res, deps.assets);
    const params = formQuery(req);
    const agency = id(params.agency, 'agency');
    const format = oneOf(params.format, 'format', ['html', 'csv']);
    // a year that has not begun where the agency is (or the service, for every agency) has no report yet
    if (year > Number(deps.statistics.today(agency).slice(0, 4))) throw notFound(`the year ${year} has not begun`);
    // nor has a year before the first a working-day calendar may be recorded for (2000): the service kept no records
    if (year < FIRST_YEAR) throw notFound(`the year ${year} is before ${FIRST_YEAR}`);
    const { agencies } = await deps.publicReads.catalogue();
    // an agency the public lists do not know has no cases to count: not a report of zeros under its name
    if (agency !== undefined && !agencies.includes(agency)) {
      if (csv || format === 'csv') throw notFound(`no agency ${agency} is known`);
      sendPage(
        res,
        ctx,
        unknownAgencyPage(ctx, `/statistics/${year}`, agencies, agency, ctx.t('statistics.title', { year })),
      );
      return;
    }
    const stats = await deps.statistics.statistics({ year, ...(agency ? { agency } : {}) });
    if (csv || format === 'csv') {
      res.status(200).set('Content-Type', CSV_CONTENT_TYPE);
      res.set('Content-Disposition', `attachment; filename="statistics-${year}${agency ? `-${agency}` : ''}.csv"`);
      res.send(statisticsCsv(stats));
      return;
    }
    const current = Number(deps.statistics.today().slice(0, 4));
    sendPage(res, ctx, {
      title: ctx.t('statistics.title', { year }),
      main: page(ctx, stats, agencies, current),
    });
  };

  router.get('/statistics', deps.limited, async (req, res) => {
    await answer(req, res, Number(deps.statistics.today().slice(0, 4)), false);
  });
  router.get('/statistics/:year', deps.limited, async (req, res, next) => {
    const match = YEAR.exec(req.params.year as string);
    if (!match) return next();
    await answer(req, res, Number(match[1]), match[2] !== undefined);
  });
}

/**
 * The figures as a CSV file (UTF-8 with a byte-order mark, formula-like text neutralised: `src/http/csv.ts`), a
 * row per figure named by its path, as the supervisors' statistics view writes them.
 */
export function statisticsCsv(stats: PublicStatistics): string {
  const { year, agency, asOf, deadline, figures } = stats;
  return metricsCsv({ year, agency: agency ?? 'all', asOf, deadline, ...figures });
}

function page(ctx: PageContext, stats: PublicStatistics, agencies: readonly string[], current: number): Html {
  const { figures: f, year } = stats;
  const keep = stats.agency ? { agency: stats.agency } : {};
  const years = Array.from({ length: YEARS_SHOWN + 1 }, (_, i) => current - i);
  const chart = (key: string, titleKey: MessageKey, bars: readonly Bar[]) =>
    figureBlock(ctx, key, ctx.t(titleKey), bars);
  return html`<h1>${ctx.t('statistics.title', { year })}</h1>
    <p class="lead">${ctx.t('statistics.lead', { asOf: stats.asOf })}</p>
    <p>${ctx.t('statistics.deadline', { date: stats.deadline })}</p>
    <form class="filters" method="get" action="/statistics/${year}" aria-label="${ctx.t('public.filters')}">
      ${select(
        ctx,
        'agency',
        'statistics.scope',
        agencies.map((a) => ({ value: a, text: agencyName(ctx, a) })),
        stats.agency,
      )}
      <button type="submit">${ctx.t('public.apply')}</button>
      <a class="button" href="${hrefWith(`/statistics/${year}.csv`, keep)}" download>${ctx.t('statistics.csv')}</a>
    </form>
    <p>
      ${ctx.t('statistics.scope')}${colon(ctx)}${stats.agency === undefined ? ctx.t('statistics.allAgencies') : agencyName(ctx, stats.agency)}
    </p>
    <h2>${ctx.t('statistics.summary')}</h2>
    <dl class="fields">
      ${(
        [
          ['statistics.casesTotal', f.casesOpened.total],
          ['statistics.decisionsTotal', f.decisions.total],
          ['statistics.major', f.decisions.major],
          ['statistics.overFailedReview', f.decisions.overFailedReview],
          ['statistics.fines', yuan(f.decisions.fineFen)],
          ['statistics.exemptions', f.exemptions.total],
          ['statistics.recordings', f.mandatoryRecordings.acts],
          ['statistics.recorded', f.mandatoryRecordings.recorded],
          ['statistics.hearings', f.hearingsHeld],
        ] as const
      ).map(
        ([key, value]) =>
          html`<dt>${ctx.t(key)}</dt>
            <dd>${value}</dd>`,
      )}
    </dl>
    ${chart(
      'cases',
      'statistics.casesOpened',
      Object.entries(f.casesOpened.byCategory).map(([k, v]) => ({ label: label(ctx, 'category', k), value: v })),
    )}
    ${chart(
      'decisions',
      'statistics.decisions',
      Object.entries(f.decisions.byType).map(([k, v]) => ({ label: label(ctx, 'decisionType', k), value: v })),
    )}
    ${chart(
      'disclosures',
      'statistics.disclosures',
      Object.entries(f.disclosures).map(([k, v]) => ({ label: label(ctx, 'standing', k), value: v })),
    )}
    ${chart(
      'reviews',
      'statistics.reviews',
      Object.entries(f.legalReviews).map(([k, v]) => ({ label: label(ctx, 'review', k), value: v })),
    )}
    ${evaluationsSection(ctx, stats)}
    <nav aria-label="${ctx.t('statistics.years')}">
      <h2>${ctx.t('statistics.years')}</h2>
      <ul class="pager">
        ${years.map(
          (y) =>
            html`<li>
              <a href="${hrefWith(`/statistics/${y}`, keep)}" ${y === year ? html`aria-current="page"` : ''}>${y}</a>
            </li>`,
        )}
      </ul>
    </nav>`;
}

/** A chart and, beside it, the table of its figures. */
function figureBlock(ctx: PageContext, key: string, title: string, bars: readonly Bar[]): Html {
  const values = bars.map((b) => `${b.label} ${b.value}`).join(ctx.locale === 'en' ? ', ' : '，');
  return html`<section class="figure" aria-labelledby="${key}-heading">
    <h2 id="${key}-heading">${title}</h2>
    ${barChart(`chart-${key}`, title, ctx.t('statistics.chartDesc', { title, values }), bars)}
    <div class="table-wrap">
      <table>
        <caption>
          ${title}
        </caption>
        <thead>
          <tr>
            <th scope="col">${ctx.t('statistics.figure')}</th>
            <th scope="col">${ctx.t('statistics.value')}</th>
          </tr>
        </thead>
        <tbody>
          ${bars.map(
            (b) =>
              html`<tr>
                <th scope="row">${b.label}</th>
                <td>${b.value}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </section>`;
}
