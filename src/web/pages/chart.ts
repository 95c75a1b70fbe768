import { html, trusted, type Html } from '../html.js';

const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** One series of a bar chart: its name (already translated) and a value per category. */
export interface Series {
  readonly name: string;
  readonly values: readonly number[];
  /** The bars' CSS class (their colour lives in the style sheet). */
  readonly className: string;
}

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 36, right: 8, top: 12, bottom: 28 };

/**
 * A grouped bar chart as inline SVG (no script, no external file): `role="img"` with a title and a description
 * that says what it shows; the numbers themselves are in the data table the page puts beside it, which is what a
 * screen reader reads.
 */
export function barChart(
  id: string,
  title: string,
  description: string,
  categories: readonly string[],
  series: readonly Series[],
  /** A category's text under its bars: by default the month of a `YYYY-MM` category. */
  categoryLabel: (category: string) => string = (c) => String(Number(c.slice(5, 7))),
): Html {
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const group = plotW / Math.max(1, categories.length);
  const bar = (group * 0.8) / Math.max(1, series.length);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const bars = series.flatMap((s, si) =>
    s.values.map((v, ci) => {
      const x = PAD.left + ci * group + group * 0.1 + si * bar;
      return `<rect class="${s.className}" x="${x.toFixed(1)}" y="${y(v).toFixed(1)}" width="${bar.toFixed(1)}" height="${(PAD.top + plotH - y(v)).toFixed(1)}"></rect>`;
    }),
  );
  const labels = categories.map(
    (c, ci) =>
      `<text x="${(PAD.left + ci * group + group / 2).toFixed(1)}" y="${HEIGHT - 8}" text-anchor="middle">${escapeXml(categoryLabel(c))}</text>`,
  );
  const axis = `<line class="axis" x1="${PAD.left}" y1="${PAD.top + plotH}" x2="${WIDTH - PAD.right}" y2="${PAD.top + plotH}"></line>
    <text x="${PAD.left - 6}" y="${PAD.top + 4}" text-anchor="end">${max}</text>
    <text x="${PAD.left - 6}" y="${PAD.top + plotH}" text-anchor="end">0</text>`;
  return html`<svg
    class="chart"
    id="${id}"
    viewBox="0 0 ${WIDTH} ${HEIGHT}"
    role="img"
    aria-labelledby="${id}-title ${id}-desc"
  >
    <title id="${id}-title">${title}</title>
    <desc id="${id}-desc">${description}</desc>
    ${trusted(axis + bars.join('') + labels.join(''))}
  </svg>`;
}
