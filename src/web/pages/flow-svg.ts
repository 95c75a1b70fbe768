import type { FlowChart } from '../../domain/published/flow-chart.js';
import { layoutFlow, textWidth, type PlacedNode } from '../flow-layout.js';
import { html, type Html } from '../html.js';
import type { PageContext } from '../layout.js';

const INK = '#1b1b1b';
const LINE = '#3d4551';
const FILL: Record<PlacedNode['kind'], string> = {
  start: '#e7f2e4',
  step: '#ffffff',
  decision: '#fdf3d8',
  end: '#e8eef8',
};

/**
 * A flow chart as an SVG drawn on the server (no script): boxes for steps, stadiums for start and end, hexagons for
 * decisions, arrows with their conditions; `role="img"` with a title and a description, and beside it the same
 * chart as text (an ordered list of the steps and where each leads), for readers who cannot see the picture.
 */
export function flowChartFigure(ctx: PageContext, chart: FlowChart): Html {
  const layout = layoutFlow(chart);
  const byId = new Map(chart.nodes.map((n) => [n.id, n]));
  const desc = ctx.t('published.flow.desc', { steps: chart.nodes.length, title: chart.title });
  return html`<figure class="flow-chart">
    <div class="flow-canvas">
      <svg
        xmlns="http://www.w3.org/2000/svg"
        role="img"
        aria-labelledby="flow-title flow-desc"
        viewBox="0 0 ${layout.width} ${layout.height}"
        width="${layout.width}"
        height="${layout.height}"
        font-size="14"
        font-family="system-ui, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"
      >
        <title id="flow-title">${chart.title}</title>
        <desc id="flow-desc">${desc}</desc>
        <defs>
          <marker id="flow-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto">
            <path d="M0,0 L10,5 L0,10 z" fill="${LINE}" />
          </marker>
        </defs>
        ${layout.edges.map(
          (e) =>
            html`<g class="flow-edge">
              <polyline
                points="${e.points.map(([x, y]) => `${x},${y}`).join(' ')}"
                fill="none"
                stroke="${LINE}"
                stroke-width="1.5"
                ${e.loop ? html`stroke-dasharray="5 3"` : ''}
                marker-end="url(#flow-arrow)"
              />
              ${e.label !== undefined && e.labelAt && edgeLabel(e.label, e.labelAt, e.loop)}
            </g>`,
        )}
        ${layout.nodes.map(node)}
      </svg>
    </div>
    <figcaption>
      <h2 id="flow-text">${ctx.t('published.flow.text')}</h2>
      <ol class="flow-steps" aria-labelledby="flow-text">
        ${layout.order.map((id) => {
          const n = byId.get(id)!;
          const ways = chart.edges.filter((e) => e.from === id);
          return html`<li id="step-${id}">
            <strong>${n.label}</strong>
            <span class="muted">（${ctx.t(`published.flow.kind.${n.kind}` as 'published.flow.kind.step')}）</span>
            ${n.note !== undefined && html`<br />${n.note}`}
            ${
              ways.length > 0 &&
              html`<ul>
                ${ways.map(
                  (w) =>
                    html`<li>
                      ${w.label !== undefined && html`${ctx.t('published.flow.when', { condition: w.label })}`}
                      ${ctx.t('published.flow.next')}<a href="#step-${w.to}">${byId.get(w.to)!.label}</a>
                    </li>`,
                )}
              </ul>`
            }
          </li>`;
        })}
      </ol>
    </figcaption>
  </figure>`;
}

function node(n: PlacedNode): Html {
  const { x, y, width: w, height: h } = n;
  const shape =
    n.kind === 'decision'
      ? html`<polygon
          points="${[
            [x + 14, y],
            [x + w - 14, y],
            [x + w, y + h / 2],
            [x + w - 14, y + h],
            [x + 14, y + h],
            [x, y + h / 2],
          ]
            .map(([px, py]) => `${px},${py}`)
            .join(' ')}"
          fill="${FILL.decision}"
          stroke="${INK}"
          stroke-width="1.5"
        />`
      : html`<rect
          x="${x}"
          y="${y}"
          width="${w}"
          height="${h}"
          rx="${n.kind === 'step' ? 4 : h / 2}"
          fill="${FILL[n.kind]}"
          stroke="${INK}"
          stroke-width="${n.kind === 'step' ? 1.5 : 2}"
        />`;
  const top = y + h / 2 - ((n.lines.length - 1) * 18) / 2 + 5;
  return html`<g class="flow-node flow-${n.kind}">
    ${shape}
    <text x="${x + w / 2}" text-anchor="middle" fill="${INK}">
      ${n.lines.map((line, i) => html`<tspan x="${x + w / 2}" y="${top + i * 18}">${line}</tspan>`)}
    </text>
  </g>`;
}

function edgeLabel(label: string, [x, y]: readonly [number, number], loop: boolean): Html {
  const width = textWidth(label) * (12 / 14) + 8;
  const left = loop ? x : x - width / 2;
  return html`<rect x="${left}" y="${y - 13}" width="${width}" height="17" fill="#ffffff" />
    <text x="${left + 4}" y="${y}" font-size="12" fill="${INK}">${label}</text>`;
}
