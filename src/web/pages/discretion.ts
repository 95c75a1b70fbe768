import type { DiscretionReads } from '../../app/discretion-reads.js';
import type { CaseFile } from '../../app/case-file-reads.js';
import { html, type Html } from '../html.js';
import type { PageContext } from '../layout.js';
import { barChart } from './chart.js';
import { label, yuan } from './labels.js';

export type SimilarFines = Awaited<ReturnType<DiscretionReads['similarFines']>>;

/** Yuan without the fen, for a chart's axis. */
const wholeYuan = (fen: number) => `¥${Math.floor(fen / 100).toLocaleString('en-US')}`;

/**
 * The proposal's standing against the benchmark, on the review screen: outside its range (with the written reason)
 * as a warning the reviewer cannot miss, within it as a plain line.
 */
export function discretionFlag(ctx: PageContext, file: CaseFile): Html {
  const finding = file.discretion?.proposal;
  if (!finding) return html``;
  const params = {
    circumstance: label(ctx, 'circumstance', finding.circumstance),
    min: yuan(finding.minFen),
    max: yuan(finding.maxFen),
    fine: yuan(finding.fineFen),
    reason: finding.deviationReason ?? '',
  };
  if (finding.within) return html`<p class="discretion-within">${ctx.t('discretion.within', params)}</p>`;
  return html`<div class="notice discretion-outside">
    <p><strong>${ctx.t('discretion.outside')}</strong></p>
    <p>${ctx.t('discretion.outsideDetail', params)}</p>
  </div>`;
}

/**
 * The fines of similar past decisions (same item, same circumstance): per circumstance the benchmark's range, the
 * count, least, median and greatest, and a small chart of each circumstance that has decisions (`focus`: only that
 * circumstance's). The figures are in the table; the charts only draw them.
 */
export function similarFinesSection(ctx: PageContext, fines: SimilarFines, focus?: string): Html {
  const charted = fines.rows.filter((r) => r.count > 0 && (focus === undefined || r.circumstance === focus));
  return html`<section aria-labelledby="similar-fines" class="similar-fines">
    <h2 id="similar-fines">${ctx.t('discretion.title')}</h2>
    <p class="muted">${ctx.t('discretion.lead')}</p>
    ${!fines.benchmark && html`<p>${ctx.t('discretion.noBenchmark')}</p>`}
    <table>
      <thead>
        <tr>
          <th scope="col">${ctx.t('discretion.circumstance')}</th>
          <th scope="col">${ctx.t('discretion.range')}</th>
          <th scope="col">${ctx.t('discretion.count')}</th>
          <th scope="col">${ctx.t('discretion.min')}</th>
          <th scope="col">${ctx.t('discretion.median')}</th>
          <th scope="col">${ctx.t('discretion.max')}</th>
        </tr>
      </thead>
      <tbody>
        ${fines.rows.map(
          (r) =>
            html`<tr>
              <th scope="row">${label(ctx, 'circumstance', r.circumstance)}</th>
              <td>${r.range ? `${yuan(r.range.minFen)} – ${yuan(r.range.maxFen)}` : '—'}</td>
              <td>${r.count}</td>
              <td>${r.minFen === undefined ? '—' : yuan(r.minFen)}</td>
              <td>${r.medianFen === undefined ? '—' : yuan(r.medianFen)}</td>
              <td>${r.maxFen === undefined ? '—' : yuan(r.maxFen)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    ${charted.map((r) => {
      const name = label(ctx, 'circumstance', r.circumstance);
      const categories = r.bins.map((b) => String(b.fromFen));
      return barChart(
        `fines-${r.circumstance}`,
        ctx.t('discretion.chartTitle', { circumstance: name }),
        ctx.t('discretion.chartDesc', { count: r.count }),
        categories,
        [{ name, values: r.bins.map((b) => b.count), className: 's2' }],
        (c) => wholeYuan(Number(c)),
      );
    })}
  </section>`;
}
