import type { Router } from 'express';
import type { DiscretionReads } from '../../app/discretion-reads.js';
import type { PublicBenchmark } from '../../../projections/benchmarks.js';
import { notFound } from '../../domain/errors.js';
import { id, single } from '../../http/query.js';
import { html, type Html } from '../html.js';
import { pageContext, sendPage, type PageContext } from '../layout.js';
import { formQuery, label, pageSize, pager, yuan, type PublicPagesDependencies } from './public-parts.js';
import { agencyName, bracketed, colon, localDate } from './labels.js';

const historyHref = (b: Pick<PublicBenchmark, 'agency' | 'itemCode'>) =>
  `/benchmarks/${encodeURIComponent(b.agency)}/${encodeURIComponent(b.itemCode)}`;

/** One version of a benchmark: each circumstance's range and what it covers. */
function benchmarkTable(ctx: PageContext, b: PublicBenchmark, caption: Html): Html {
  return html`<table>
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        <th scope="col">${ctx.t('discretion.circumstance')}</th>
        <th scope="col">${ctx.t('benchmarks.range')}</th>
        <th scope="col">${ctx.t('benchmarks.description')}</th>
      </tr>
    </thead>
    <tbody>
      ${b.circumstances.map(
        (c) =>
          html`<tr>
            <th scope="row">${label(ctx, 'circumstance', c.circumstance)}</th>
            <td>${yuan(c.minFen)} – ${yuan(c.maxFen)}</td>
            <td>${c.description}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** A version of a benchmark; the date it was set (recorded in UTC) by the calendar of the agency (`offset` east of UTC). */
const versionLine = (ctx: PageContext, b: PublicBenchmark, offset: number) =>
  `${ctx.t('benchmarks.version')} ${b.version} · ${ctx.t('benchmarks.basis')}${colon(ctx)}${b.basis} · ${ctx.t('benchmarks.setAt')}${colon(ctx)}${localDate(b.setAt, offset)}`;

/**
 * `/benchmarks`: the discretion benchmarks in force (裁量基准), by agency and item, as `GET /v1/benchmarks` answers
 * them; `/benchmarks/{agency}/{itemCode}`: every version of one, with the reason for each change.
 */
export function registerBenchmarkPages(
  router: Router,
  deps: PublicPagesDependencies & { readonly discretion: Pick<DiscretionReads, 'benchmarks' | 'history'> },
): void {
  router.get('/benchmarks', deps.limited, async (req, res) => {
    const ctx = pageContext(req, res, deps.assets);
    const params = formQuery(req);
    const agency = id(params.agency, 'agency');
    const after = single(params.cursor, 'cursor');
    const page = await deps.discretion.benchmarks(
      { ...(agency ? { agency } : {}) },
      { limit: pageSize(params), ...(after ? { after } : {}) },
    );
    sendPage(res, ctx, {
      title: ctx.t('benchmarks.title'),
      main: html`<h1>${ctx.t('benchmarks.title')}</h1>
        <p class="lead">${ctx.t('benchmarks.lead')}</p>
        ${
          page.items.length === 0
            ? html`<p>${ctx.t('benchmarks.none')}</p>`
            : // ids by place on the page: an agency's and an item's codes may both hold '-' (a1 + x-y, a1-x + y)
              page.items.map(
                (b, i) =>
                  html`<section class="benchmark" aria-labelledby="benchmark-${i + 1}">
                    <h2 id="benchmark-${i + 1}">
                      ${ctx.t('benchmarks.item')}${colon(ctx)}${bracketed(ctx, b.itemCode, agencyName(ctx, b.agency))}
                    </h2>
                    ${benchmarkTable(ctx, b, html`${versionLine(ctx, b, deps.utcOffsetOf(b.agency))}`)}
                    <p><a href="${historyHref(b)}">${ctx.t('benchmarks.history')}</a></p>
                  </section>`,
              )
        }
        ${pager(ctx, '/benchmarks', { ...(agency ? { agency } : {}), ...(after ? { cursor: after } : {}) }, page.next)}`,
    });
  });

  router.get('/benchmarks/:agency/:itemCode', deps.limited, async (req, res) => {
    const ctx = pageContext(req, res, deps.assets);
    const agency = String(req.params.agency);
    const itemCode = String(req.params.itemCode);
    if (id(agency, 'agency') === undefined || id(itemCode, 'itemCode') === undefined)
      throw notFound('no such benchmark');
    const { versions } = await deps.discretion.history(agency, itemCode);
    const title = ctx.t('benchmarks.historyTitle', { item: itemCode });
    sendPage(res, ctx, {
      title,
      main: html`<h1>${title}</h1>
        <p class="muted">${agencyName(ctx, agency)}</p>
        <ol class="versions" reversed>
          ${[...versions]
            .reverse()
            .map(
              (v) =>
                html`<li>
                  ${benchmarkTable(ctx, v, html`${versionLine(ctx, v, deps.utcOffsetOf(agency))}`)}
                  ${v.reason && html`<p>${ctx.t('benchmarks.reason')}${colon(ctx)}${v.reason}</p>`}
                </li>`,
            )}
        </ol>
        <p><a href="/benchmarks">${ctx.t('benchmarks.title')}</a></p>`,
    });
  });
}
