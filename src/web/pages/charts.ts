import { html, type Html } from '../html.js';

/** One bar of a chart: what it counts and how many. */
export interface Bar {
  readonly label: string;
  readonly value: number;
}

const WIDTH = 420;
const LABEL_WIDTH = 150;
const VALUE_WIDTH = 40;
const ROW = 26;
const BAR = 18;

/**
 * A horizontal bar chart as inline SVG, drawn on the server: `role="img"` named by its `<title>` and described by
 * its `<desc>` (every label and value, for screen readers), scaled to the largest value; the page puts a table of
 * the same figures beside it. Presentation attributes only (no inline style, which the pages' CSP refuses).
 */
export function barChart(id: string, title: string, description: string, bars: readonly Bar[]): Html {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const span = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = bars.length * ROW + 10;
  return html`<svg
    class="chart"
    role="img"
    aria-labelledby="${id}-title ${id}-desc"
    viewBox="0 0 ${WIDTH} ${height}"
    width="100%"
    preserveAspectRatio="xMinYMin meet"
    xmlns="http://www.w3.org/2000/svg"
  >
    <title id="${id}-title">${title}</title>
    <desc id="${id}-desc">${description}</desc>
    ${bars.map((bar, i) => {
      const y = 5 + i * ROW;
      const width = bar.value === 0 ? 0 : Math.max(2, Math.round((bar.value / max) * span));
      return html`<g>
        <text x="${LABEL_WIDTH - 8}" y="${y + BAR - 5}" text-anchor="end" font-size="13" fill="#1a1a1a"
          >${bar.label}</text
        >
        <rect x="${LABEL_WIDTH}" y="${y}" width="${width}" height="${BAR}" fill="#0b4f9c"></rect>
        <text x="${LABEL_WIDTH + width + 6}" y="${y + BAR - 5}" font-size="13" fill="#1a1a1a">${bar.value}</text>
      </g>`;
    })}
  </svg>`;
}
