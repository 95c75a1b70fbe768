import type { FlowChart } from '../../domain/published/flow-chart.js';
import type { PublishedKind } from '../../domain/published/kinds.js';
import { html, type Html } from '../html.js';
import type { MessageKey } from '../i18n.js';
import type { PageContext } from '../layout.js';
import { flowChartFigure } from './flow-svg.js';

type Document = Record<string, unknown>;

/** The members each kind shows, in the plan's order (flow charts are drawn instead). */
const FIELDS: Record<Exclude<PublishedKind, 'flow-charts' | 'review-charts'>, readonly string[]> = {
  'inspection-list': ['subject', 'basis', 'targets', 'content', 'ratioBasisPoints', 'method', 'frequency', 'itemCode'],
  'service-guides': [
    'name',
    'basis',
    'acceptingOffice',
    'conditions',
    'preferentialPolicies',
    'materials',
    'procedure',
    'timeLimit',
    'supervision',
    'accountability',
    'remedies',
    'hours',
    'address',
    'telephone',
  ],
  'post-boards': [
    'window',
    'officerName',
    'unit',
    'post',
    'enforcementType',
    'duties',
    'sampleMaterials',
    'progressLookup',
    'consultation',
    'complaints',
  ],
};

/** The columns of each kind's list, after its id. */
export const LIST_COLUMNS: Record<PublishedKind, readonly string[]> = {
  'inspection-list': ['subject', 'targets', 'ratioBasisPoints', 'frequency'],
  'flow-charts': ['title'],
  'review-charts': ['title'],
  'service-guides': ['name', 'timeLimit'],
  'post-boards': ['window', 'officerName', 'enforcementType'],
};

export const fieldLabel = (ctx: PageContext, name: string) => ctx.t(`published.field.${name}` as MessageKey);

/** A member's value as text: a ratio in basis points as a percentage, a list joined. */
export function fieldText(ctx: PageContext, name: string, value: unknown): string {
  if (name === 'ratioBasisPoints' && typeof value === 'number')
    return ctx.t('published.percent', { percent: String(value / 100) });
  if (Array.isArray(value)) return value.join('；');
  return value === undefined ? '—' : String(value);
}

/** A document of `kind` in full: a flow chart drawn, the others as a list of their members. */
export function documentBody(ctx: PageContext, kind: PublishedKind, document: Document): Html {
  if (kind === 'flow-charts' || kind === 'review-charts') return flowChartFigure(ctx, document as unknown as FlowChart);
  const fields = FIELDS[kind].filter((name) => document[name] !== undefined);
  return html`<dl class="fields">
    ${fields.map((name) => {
      const value = document[name];
      return html`<dt>${fieldLabel(ctx, name)}</dt>
        <dd>
          ${
            Array.isArray(value)
              ? html`<ul>
                  ${value.map((v) => html`<li>${String(v)}</li>`)}
                </ul>`
              : fieldText(ctx, name, value)
          }
        </dd>`;
    })}
  </dl>`;
}
