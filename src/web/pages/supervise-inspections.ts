import type { Router } from 'express';
import { listingOf } from '../../http/retrieval.js';
import type { SupervisionReads } from '../../app/supervision-reads.js';
import { asOfDay, id } from '../../http/query.js';
import type { PortalAssets } from '../assets.js';
import { html } from '../html.js';
import { pageContext, sendPage, type PageContext } from '../layout.js';
import { portalPrincipal, signedIn } from '../session.js';
import { dataTable } from './data-table.js';
import { agencyName, bracketed, enumerationSeparator } from './labels.js';
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
    const { paging, params } = listPaging(req, OVERDUE_PLAN_ROWS);
    const overdue = await deps.supervision.overdueInspections(
      {
        principal,
        ...listingOf(req, res),
        ...(agency === undefined ? {} : { agency }),
        ...(asOf === undefined ? {} : { asOf }),
      },
      paging,
    );
    const agencies = [...new Set([principal.agency, ...principal.supervises])];
    sendPage(res, ctx, {
      title: ctx.t('inspections.overdue.title'),
      main: overdueMain(ctx, agencies, agency, overdue, params),
    });
  });
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
    ${dataTable(
      ctx,
      [
        'inspections.overdue.plan',
        'case.agency',
        'inspections.overdue.dueBy',
        'inspections.overdue.days',
        'inspections.overdue.subject',
        'inspections.overdue.inspectors',
      ],
      d.items.flatMap((p) => [
        ...(p.stage === 'draw'
          ? [
              html`<tr>
                <td><a href="/inspections/${p.agency}/${p.planId}">${p.title}</a></td>
                <td>${agencyName(ctx, p.agency)}</td>
                <td>${p.dueBy}</td>
                <td>${p.daysOverdue}</td>
                <td class="bad">${ctx.t('inspections.overdue.notDrawn', { startsOn: p.startsOn })}</td>
                <td>—</td>
              </tr>`,
            ]
          : []),
        ...p.targets.map(
          (x) =>
            html`<tr>
              <td><a href="/inspections/${p.agency}/${p.planId}">${p.title}</a></td>
              <td>${agencyName(ctx, p.agency)}</td>
              <td>${p.dueBy}</td>
              <td>${p.daysOverdue}</td>
              <td>${bracketed(ctx, x.name, x.subjectId)}</td>
              <td>${x.inspectors.join(enumerationSeparator(ctx))}</td>
            </tr>`,
        ),
      ]),
      'inspections.overdue.none',
    )}
    ${pager(ctx, '/supervise/inspections', params, d.next)}`;
}
