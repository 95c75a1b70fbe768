import type { Router } from 'express';
import { listingOf } from '../../http/retrieval.js';
import type { SupervisionReads } from '../../app/supervision-reads.js';
import { asOfDay, id } from '../../http/query.js';
import type { PortalAssets } from '../assets.js';
import { html } from '../html.js';
import { pageContext, sendPage, type PageContext } from '../layout.js';
import { portalPrincipal, signedIn } from '../session.js';
import { columnTable, sheetOf, type TableColumn } from './data-table.js';
import { csvDownload, dashboardLink, formatOf, sendSheet, sheetRowsAsOf } from './supervision-screen.js';
import { SUPERVISION_TABLES } from '../../http/supervision-csv.js';
import { sendList } from '../../http/supervision-api.js';
import { agencyName, bracketed, enumerationSeparator, personShown } from './labels.js';
import { given, listPaging } from './paging.js';
import { pager } from './public-parts.js';

/** How many plans a page lists unless `?limit=` says; `?cursor=` (the next page's link) goes on. */
export const OVERDUE_PLAN_ROWS = 50;

type OverdueInspections = Awaited<ReturnType<SupervisionReads['overdueInspections']>>;

/**
 * `/supervise/inspections`: drawn targets whose inspection outcome is overdue on `?asOf=` (today by default), as
 * `GET /v1/audit/overdue-inspections` answers them, a row per target, `?limit=` plans a page.
 */
export function registerOverdueInspectionsPage(
  router: Router,
  deps: { supervision: Pick<SupervisionReads, 'overdueInspections'>; assets: PortalAssets },
): void {
  router.get('/supervise/inspections', signedIn('supervisor'), async (req, res) => {
    const ctx = pageContext(req, res, deps.assets);
    const principal = portalPrincipal(res);
    const agency = id(given(req.query.agency), 'agency');
    const asOf = asOfDay(given(req.query.asOf));
    const format = formatOf(req);
    const { paging, params } = listPaging(req, OVERDUE_PLAN_ROWS);
    const query = (day: string | undefined) => ({
      principal,
      ...listingOf(req, res),
      ...(agency === undefined ? {} : { agency }),
      ...(day === undefined ? {} : { asOf: day }),
    });
    if (format === 'sheet') {
      const whole = await sheetRowsAsOf(asOf, (day, paging) => deps.supervision.overdueInspections(query(day), paging));
      sendSheet(res, ctx, {
        ...whole, // `cut` and `asOf` (the day it was judged on); `rows` the sheet's, below
        title: ctx.t('inspections.overdue.title'),
        name: 'overdue-inspections',
        rows: sheetOf(ctx, columns(ctx), targetRows(whole.rows)),
        agency,
      });
      return;
    }
    const overdue = await deps.supervision.overdueInspections(query(asOf), paging);
    if (format === 'csv') {
      sendList(req, res, SUPERVISION_TABLES.overdueInspections, overdue);
      return;
    }
    const agencies = [...new Set([principal.agency, ...principal.supervises])];
    sendPage(res, ctx, {
      title: ctx.t('inspections.overdue.title'),
      main: overdueMain(ctx, agencies, agency, overdue, params),
    });
  });
}

type Plan = OverdueInspections['items'][number];
/** A row of the table: a target of a plan, or a plan not drawn (`target` absent). */
type TargetRow = { readonly plan: Plan; readonly target?: Plan['targets'][number] };

/** A row per target whose outcome is overdue, and one for each plan not drawn though its period has begun. */
function targetRows(plans: readonly Plan[]): TargetRow[] {
  return plans.flatMap((plan) => [
    ...(plan.stage === 'draw' ? [{ plan }] : []),
    ...plan.targets.map((target) => ({ plan, target })),
  ]);
}

/** The table's columns, for the page and its spreadsheet: each target's inspectors by name. */
function columns(ctx: PageContext): TableColumn<TargetRow>[] {
  return [
    {
      head: 'inspections.overdue.plan',
      text: ({ plan }) => plan.title,
      cell: ({ plan }) => html`<a href="/inspections/${plan.agency}/${plan.planId}">${plan.title}</a>`,
    },
    { head: 'case.agency', text: ({ plan }) => agencyName(ctx, plan.agency) },
    { head: 'inspections.overdue.dueBy', text: ({ plan }) => plan.dueBy },
    { head: 'inspections.overdue.days', text: ({ plan }) => String(plan.daysOverdue) },
    {
      head: 'inspections.overdue.subject',
      text: ({ plan, target }) =>
        target === undefined
          ? ctx.t('inspections.overdue.notDrawn', { startsOn: plan.startsOn })
          : bracketed(ctx, target.name, target.subjectId),
      className: ({ target }) => (target === undefined ? 'bad' : undefined),
    },
    {
      head: 'inspections.overdue.inspectors',
      text: ({ plan, target }) =>
        target === undefined
          ? '—'
          : target.inspectors.map((i) => personShown(ctx, plan.agency, i)).join(enumerationSeparator(ctx)),
    },
  ];
}

/**
 * The page's plans, then links to the first and the next page: the next keeps the day the first was judged on (and
 * the size asked for), so the pages are one list however long they are read.
 */
function overdueMain(
  ctx: PageContext,
  agencies: readonly string[],
  agency: string | undefined,
  d: OverdueInspections,
  paging: Record<string, string>,
) {
  const params = { ...(agency === undefined ? {} : { agency }), asOf: d.asOf, ...paging };
  return html`<h1>${ctx.t('inspections.overdue.title')}</h1>
    <p class="lead">${ctx.t('inspections.overdue.lead')}</p>
    <form class="filters" method="get" action="/supervise/inspections">
      <label for="f-agency">${ctx.t('case.agency')}</label>
      <select id="f-agency" name="agency">
        <option value="">${ctx.t('supervise.allAgencies')}</option>
        ${agencies.map((a) => html`<option value="${a}" ${a === agency ? html`selected` : ''}>${agencyName(ctx, a)}</option>`)}
      </select>
      <label for="f-asof">${ctx.t('inspections.overdue.asOf')}</label>
      <input id="f-asof" name="asOf" type="date" value="${d.asOf}" />
      <button type="submit">${ctx.t('inspections.overdue.show')}</button>
    </form>
    ${columnTable(ctx, columns(ctx), targetRows(d.items), 'inspections.overdue.none')}
    ${pager(ctx, '/supervise/inspections', params, d.next)} ${csvDownload(ctx, '/supervise/inspections', params)}
    ${dashboardLink(ctx, agency)}`;
}
