import type { EvaluationDoc } from '../../../projections/evaluations.js';
import type { DiscretionReads } from '../../app/discretion-reads.js';
import type { EvaluationReads } from '../../app/evaluation-reads.js';
import type { CaseFile } from '../../app/case-file-reads.js';
import { EVALUATION_POINTS, MAX_POINT_SCORE } from '../../domain/case/evaluation.js';
import { errorFor, errorSummary, fieldId, type FormState } from '../forms/fields.js';
import { html, type Html } from '../html.js';
import type { MessageKey } from '../i18n.js';
import type { PageContext } from '../layout.js';
import { caseHref } from '../links.js';
import { agencySelect } from './supervision-screen.js';
import { agencyName, bracketed, colon, label, personShown, yuan, yuanNumber } from './labels.js';
import { columnTable, type TableColumn } from './data-table.js';

type Deviations = Awaited<ReturnType<DiscretionReads['deviations']>>;
type WeakPoints = Awaited<ReturnType<EvaluationReads['weakPoints']>>;
/** The agencies a screen may be narrowed to, and the one it is. */
type Filter = {
  readonly agencies: readonly string[];
  readonly agency: string | undefined;
  /** What the form keeps of the page's query when the agency changes (the page size). */
  readonly keep?: Readonly<Record<string, string>>;
};

/**
 * The supervision pages beside the dashboard: fines outside the benchmark, and the weak points of a year; narrowed
 * to the dashboard's agency when it is.
 */
export function qualityLinks(ctx: PageContext, year: number, agency?: string): Html {
  const of: Record<string, string> = agency === undefined ? {} : { agency };
  return html`<nav aria-label="${ctx.t('quality.links')}">
    <ul class="actions">
      <li>
        <a href="/supervise/discretion${agency === undefined ? '' : `?${new URLSearchParams(of).toString()}`}"
          >${ctx.t('quality.discretion.title')}</a
        >
      </li>
      <li>
        <a href="/supervise/evaluations?${new URLSearchParams({ year: String(year), ...of }).toString()}"
          >${ctx.t('quality.weak.title')}</a
        >
      </li>
    </ul>
  </nav>`;
}

/**
 * `/supervise/discretion`: a page of the cases whose proposed or decided fine lies outside its benchmark, `more`
 * (the pager) after them. The written reason is sealed with the case's personal data: the page says it is read in
 * the case file (whose retrieval is recorded), never shows it.
 */
export function deviationsMain(ctx: PageContext, deviations: Deviations, filter: Filter, more: Html = html``): Html {
  return html`<h1>${ctx.t('quality.discretion.title')}</h1>
    <p class="lead">${ctx.t('quality.discretion.lead')}</p>
    <form class="filters" method="get" action="/supervise/discretion">
      ${Object.entries(filter.keep ?? {}).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`)}
      ${agencySelect(ctx, filter.agencies, filter.agency)}
      <button type="submit">${ctx.t('quality.show')}</button>
    </form>
    ${columnTable(ctx, deviationColumns(ctx), deviationRows(deviations.items), 'quality.discretion.none')} ${more}`;
}

type Deviation = Deviations['items'][number];
type DeviationRow = { c: Deviation; of: 'proposal' | 'decision'; e: NonNullable<Deviation['proposal' | 'decision']> };

/** A row for each fine of a case outside its benchmark: the one proposed, the one decided, or both. */
export function deviationRows(cases: readonly Deviation[]): DeviationRow[] {
  return cases.flatMap((c) =>
    (['proposal', 'decision'] as const).flatMap((of) => {
      const e = c[of];
      return e ? [{ c, of, e }] : [];
    }),
  );
}

/** The columns of the fines outside their benchmark; the written reason is sealed, read in the case file. */
export function deviationColumns(ctx: PageContext): TableColumn<DeviationRow>[] {
  const stage = (of: DeviationRow['of']) => ctx.t(`quality.discretion.${of}` as MessageKey);
  return [
    {
      head: 'quality.case',
      text: ({ c }) => c.caseId,
      cell: ({ c }) => html`<a href="${caseHref(c)}">${c.caseId}</a>`,
    },
    { head: 'case.agency', text: ({ c }) => agencyName(ctx, c.agency) },
    { head: 'quality.item', text: ({ c }) => c.itemCode },
    { head: 'discretion.circumstance', text: ({ e }) => label(ctx, 'circumstance', e.circumstance) },
    {
      head: 'discretion.range',
      text: ({ e }) => `${yuan(e.minFen)} – ${yuan(e.maxFen)}`,
      // in the spreadsheet, numbers of yuan it adds up and compares
      sheet: [
        { head: 'quality.sheet.minYuan', text: ({ e }) => yuanNumber(e.minFen) },
        { head: 'quality.sheet.maxYuan', text: ({ e }) => yuanNumber(e.maxFen) },
      ],
    },
    {
      head: 'quality.fine',
      text: ({ of, e }) => `${stage(of)} ${yuan(e.fineFen)}`,
      sheet: [
        { head: 'quality.sheet.stage', text: ({ of }) => stage(of) },
        { head: 'quality.sheet.fineYuan', text: ({ e }) => yuanNumber(e.fineFen) },
      ],
    },
    { head: 'quality.reason', text: () => ctx.t('quality.reasonSealed'), className: () => 'muted' },
  ];
}

type Tally = {
  name: string;
  evaluations: number;
  points: number;
  maxPoints: number;
  deductions: number;
  percent: number;
};

/** The figures of a tally, after its name, in the order the page's tables and the spreadsheet show them. */
const TALLY_HEADS: readonly MessageKey[] = [
  'quality.weak.percent',
  'quality.weak.points',
  'quality.weak.deductions',
  'quality.weak.evaluations',
];

const tallyCells = (r: Tally): string[] => [
  `${r.percent}%`,
  `${r.points} / ${r.maxPoints}`,
  `${r.deductions}`,
  `${r.evaluations}`,
];

function tallyTable(ctx: PageContext, caption: MessageKey, rows: readonly Tally[]): Html {
  return html`<table>
    <caption>
      ${ctx.t(caption)}
    </caption>
    <thead>
      <tr>
        <th scope="col">${ctx.t(caption)}</th>
        ${TALLY_HEADS.map((head) => html`<th scope="col">${ctx.t(head)}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (r) =>
          html`<tr>
            <th scope="row">${r.name}</th>
            ${tallyCells(r).map((cell) => html`<td>${cell}</td>`)}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** The year's evaluations tallied by rule (weakest first), by item and by officer, each under its caption. */
function tallies(ctx: PageContext, weak: WeakPoints): { caption: MessageKey; rows: Tally[] }[] {
  // over several agencies an item or an officer names its agency too (each id is unique within its agency only)
  const ofAgency = (agency: string, shown: string) =>
    weak.agencies.length > 1 ? `${shown} · ${agencyName(ctx, agency)}` : shown;
  const byRule = EVALUATION_POINTS.map((p) => ({
    name: ctx.t(`form.check.${p}` as MessageKey),
    ...weak.byRule[p],
  })).sort((a, b) => a.percent - b.percent);
  return [
    { caption: 'quality.weak.byRule', rows: byRule },
    {
      caption: 'quality.weak.byItem',
      // the item by its name, its code beside it
      rows: weak.byItem.map((i) => ({
        name: ofAgency(i.agency, i.itemName === undefined ? i.itemCode : bracketed(ctx, i.itemName, i.itemCode)),
        ...i,
      })),
    },
    {
      caption: 'quality.weak.byOfficer',
      rows: weak.byOfficer.map((o) => ({ name: ofAgency(o.agency, personShown(ctx, o.agency, o.officerId)), ...o })),
    },
  ];
}

/**
 * The weak points as one spreadsheet: a row per tally, the first column naming its table (by rule, item or officer),
 * then what it tallies and its figures, as the page's three tables show them.
 */
export function weakPointsSheet(ctx: PageContext, weak: WeakPoints): string[][] {
  const heads = [ctx.t('quality.weak.table'), ctx.t('quality.weak.name'), ...TALLY_HEADS.map((head) => ctx.t(head))];
  // a year without an evaluation has no tally, as the page says: not nine points at full marks of nothing
  if (weak.evaluations === 0) return [heads];
  return [
    heads,
    ...tallies(ctx, weak).flatMap(({ caption, rows }) => rows.map((r) => [ctx.t(caption), r.name, ...tallyCells(r)])),
  ];
}

/** `/supervise/evaluations`: the evaluations of a year's closed case files, by rule, item and officer. */
export function weakPointsMain(ctx: PageContext, weak: WeakPoints, filter: Filter): Html {
  return html`<h1>${ctx.t('quality.weak.title')}</h1>
    <form class="filters" method="get" action="/supervise/evaluations">
      <label for="f-year">${ctx.t('quality.year')}</label>
      <input id="f-year" name="year" type="text" inputmode="numeric" value="${weak.year}" size="6" />
      ${agencySelect(ctx, filter.agencies, filter.agency)}
      <button type="submit">${ctx.t('quality.show')}</button>
    </form>
    <p class="lead">${ctx.t('quality.weak.lead', { year: weak.year })}</p>
    ${
      weak.evaluations === 0
        ? html`<p>${ctx.t('quality.weak.none')}</p>`
        : html`<div class="table-wrap">
            ${tallies(ctx, weak).map(({ caption, rows }) => tallyTable(ctx, caption, rows))}
          </div>`
    }`;
}

export const evaluateHref = (file: Pick<CaseFile, 'agency' | 'caseId'>): string => `${caseHref(file)}/evaluate`;

/** The evaluation form of a closed case file, with the evaluations already recorded. */
export function evaluationMain(
  ctx: PageContext,
  view: {
    file: CaseFile;
    evaluations: readonly EvaluationDoc[];
    state: FormState;
    csrf: Html;
    /** The reader's own evaluation of the case file, when they recorded one: the form then amends it. */
    own?: EvaluationDoc;
  },
): Html {
  const { file } = view;
  return html`<h1>${ctx.t('evaluation.title')}</h1>
    <p><a href="${caseHref(file)}">${file.title}</a> <span class="muted">${file.caseId}</span></p>
    <p class="lead">${ctx.t('evaluation.lead')}</p>
    <section aria-labelledby="recorded">
      <h2 id="recorded">${ctx.t('evaluation.recorded')}</h2>
      ${
        view.evaluations.length === 0
          ? html`<p>${ctx.t('evaluation.none')}</p>`
          : html`<ul class="cards">
              ${view.evaluations.map(
                (e) =>
                  html`<li>
                    <strong>${ctx.t('evaluation.total')}${colon(ctx)}${e.total} / ${e.maxTotal}</strong>
                    <span
                      >${ctx.t('evaluation.by')}${colon(ctx)}${
                        e.evaluatorAgency === undefined
                          ? personShown(ctx, file.agency, e.evaluator)
                          : `${personShown(ctx, e.evaluatorAgency, e.evaluator)} · ${agencyName(ctx, e.evaluatorAgency)}`
                      }</span
                    >
                    ${e.amendments > 0 && html`<span class="muted">${ctx.t('evaluation.amended', { count: e.amendments })}</span>`}
                  </li>`,
              )}
            </ul>`
      }
    </section>
    ${
      file.status === 'closed'
        ? evaluationForm(ctx, view)
        : // only closed case files are evaluated: the form would only be refused
          html`<p class="notice">${ctx.t('rule.case_not_closed')}</p>`
    }`;
}

/** The form scoring the nine points of a closed case file, with the reason of an amendment. */
function evaluationForm(ctx: PageContext, view: Parameters<typeof evaluationMain>[1]): Html {
  const { file, state, own } = view;
  // a form sent back shows what was typed, an emptied field empty; a new form the reader's own scores, else full
  const sent = Object.keys(state.values).length > 0;
  const value = (name: string, fallback = '') => {
    if (!sent) return fallback;
    const v = state.values[name];
    return (Array.isArray(v) ? v[0] : v) ?? '';
  };
  return html`${errorSummary(ctx, state)}
    <form method="post" action="${evaluateHref(file)}" novalidate>
      ${view.csrf}
      <table>
        <thead>
          <tr>
            <th scope="col">${ctx.t('evaluation.point')}</th>
            <th scope="col">${ctx.t('evaluation.score')}</th>
            <th scope="col">${ctx.t('evaluation.comment')}</th>
          </tr>
        </thead>
        <tbody>
          ${EVALUATION_POINTS.map((p) => {
            const point = ctx.t(`form.check.${p}` as MessageKey);
            const score = `scores.${p}.score`;
            const comment = `scores.${p}.comment`;
            return html`<tr>
              <th scope="row" id="${fieldId(score)}-label">${point}</th>
              <td>
                <input
                  type="number"
                  min="0"
                  max="${MAX_POINT_SCORE}"
                  step="1"
                  id="${fieldId(score)}"
                  name="${score}"
                  value="${value(score, String(own?.scores[p].score ?? MAX_POINT_SCORE))}"
                  aria-labelledby="${fieldId(score)}-label"
                  aria-describedby="score-hint"
                  ${errorFor(state, score) ? html`aria-invalid="true"` : ''}
                  required
                />
              </td>
              <td>
                <input
                  type="text"
                  id="${fieldId(comment)}"
                  name="${comment}"
                  value="${value(comment, own?.scores[p].comment ?? '')}"
                  aria-label="${point} · ${ctx.t('evaluation.comment')}"
                  ${errorFor(state, comment) ? html`aria-invalid="true"` : ''}
                />
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
      <p class="hint" id="score-hint">${ctx.t('evaluation.score')}</p>
      <div class="field">
        <label for="f-reason">${ctx.t('evaluation.reason')}</label>
        <textarea id="f-reason" name="reason" rows="2">${value('reason')}</textarea>
      </div>
      <button type="submit">${ctx.t('evaluation.submit')}</button>
    </form>`;
}
