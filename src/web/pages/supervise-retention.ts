import type { Router } from 'express';
import { listingOf } from '../../http/retrieval.js';
import type { SupervisionReads } from '../../app/supervision-reads.js';
import { asOfDay, id, oneOf } from '../../http/query.js';
import { SUPERVISION_TABLES } from '../../http/supervision-csv.js';
import { sendList } from '../../http/supervision-api.js';
import type { PortalAssets } from '../assets.js';
import { html, type Html } from '../html.js';
import type { MessageKey } from '../i18n.js';
import { pageContext, sendPage, type PageContext } from '../layout.js';
import { caseHref } from '../links.js';
import { portalPrincipal, signedIn } from '../session.js';
import { columnTable, sheetOf, type TableColumn } from './data-table.js';
import { csvDownload, dashboardLink, formatOf, sendSheet, sheetRowsAsOf, sheetRowsOf } from './supervision-screen.js';
import { agencyName, localMinuteWithOffset, personShown } from './labels.js';
import { given, listPaging } from './paging.js';
import { pager } from './public-parts.js';

/** How many files (and erasures) a page lists unless `?limit=` says; `?cursor=` (`?erasuresCursor=`) goes on. */
export const RETENTION_ROWS = 100;

type DueForErasure = Awaited<ReturnType<SupervisionReads['dueForErasure']>>;
type Erasures = Awaited<ReturnType<SupervisionReads['erasures']>>;

/** A query value of the page's form: an empty field is no value. */

/**
 * `/supervise/retention`: the closed cases whose retention (保管期限) has run out by `?asOf=` (today by default) and
 * whose personal data has not been erased, as `GET /v1/audit/due-for-erasure` answers them; then the erasures
 * recorded (`GET /v1/audit/erasures`), latest first. Each list goes a page at a time by its own cursor (`?limit=` rows
 * for both); each pager's links keep the other list's cursor.
 */
export function registerRetentionPage(
  router: Router,
  deps: {
    supervision: Pick<SupervisionReads, 'dueForErasure' | 'erasures'>;
    /** Minutes east of UTC of an agency's local time, in which the erasures' times are shown. */
    utcOffsetOf: (agency: string) => number;
    assets: PortalAssets;
  },
): void {
  router.get('/supervise/retention', signedIn('supervisor'), async (req, res) => {
    const ctx = pageContext(req, res, deps.assets);
    const principal = portalPrincipal(res);
    const agency = id(given(req.query.agency), 'agency');
    const asOf = asOfDay(given(req.query.asOf));
    const format = formatOf(req);
    // which list a file is of: the files due for erasure (the page's first), or the erasures recorded
    const list = oneOf(given(req.query.list), 'list', ['due', 'erasures'] as const) ?? 'due';
    const duePage = listPaging(req, RETENTION_ROWS);
    const erasuresPage = listPaging(req, RETENTION_ROWS, 'erasuresCursor');
    const dueQuery = (day: string | undefined) => ({
      principal,
      ...listingOf(req, res),
      ...(agency === undefined ? {} : { agency }),
      ...(day === undefined ? {} : { asOf: day }),
    });
    const erasuresQuery = { principal, ...listingOf(req, res), ...(agency === undefined ? {} : { agency }) };
    if (format === 'sheet') {
      if (list === 'erasures') {
        const { rows, cut } = await sheetRowsOf((whole) => deps.supervision.erasures(erasuresQuery, whole));
        const sheet = sheetOf(ctx, erasureColumns(ctx, deps.utcOffsetOf), rows);
        sendSheet(res, ctx, { title: ctx.t('retention.erasures'), name: 'erasures', rows: sheet, cut, agency });
        return;
      }
      const whole = await sheetRowsAsOf(asOf, (day, paging) => deps.supervision.dueForErasure(dueQuery(day), paging));
      sendSheet(res, ctx, {
        ...whole, // `cut` and `asOf` (the day it was judged on); `rows` the sheet's, below
        title: ctx.t('retention.title'),
        name: 'due-for-erasure',
        rows: sheetOf(ctx, dueColumns(ctx), whole.rows),
        agency,
      });
      return;
    }
    if (format === 'csv') {
      if (list === 'erasures') {
        // the data file of a page of erasures pages by `cursor`, as the API's does (its `Link` names the next)
        const page = await deps.supervision.erasures(erasuresQuery, listPaging(req, RETENTION_ROWS).paging);
        sendList(req, res, SUPERVISION_TABLES.erasures, page);
      } else {
        const page = await deps.supervision.dueForErasure(dueQuery(asOf), duePage.paging);
        sendList(req, res, SUPERVISION_TABLES.dueForErasure, page);
      }
      return;
    }
    const due = await deps.supervision.dueForErasure(dueQuery(asOf), duePage.paging);
    const erasures = await deps.supervision.erasures(erasuresQuery, erasuresPage.paging);
    const agencies = [...new Set([principal.agency, ...principal.supervises])];
    // each list pages on by its own cursor; the day the first page was judged on, the size asked for and the other
    // list's cursor stay in every link
    const view: Record<string, string> = {
      ...(agency === undefined ? {} : { agency }),
      asOf: due.asOf,
      ...duePage.params,
      ...erasuresPage.params,
    };
    const duePager = pager(ctx, '/supervise/retention', view, due.next, { label: 'retention.title' });
    const erasuresPager = pager(ctx, '/supervise/retention', view, erasures.next, {
      cursor: 'erasuresCursor',
      label: 'retention.erasures',
    });
    const { erasuresCursor: _erasuresCursor, ...dueView } = view;
    const dueFiles = csvDownload(ctx, '/supervise/retention', dueView);
    // the erasures' data file is their page, by `cursor` as the API's
    const { cursor: _cursor, erasuresCursor: _ours, ...erasuresView } = view;
    const erasuresFiles = csvDownload(ctx, '/supervise/retention', {
      ...erasuresView,
      ...(view.erasuresCursor === undefined ? {} : { cursor: view.erasuresCursor }),
      list: 'erasures',
    });
    const main = html`${retentionMain(ctx, agencies, agency, due, html`${duePager} ${dueFiles}`)}${erasuresSection(
      ctx,
      erasures,
      html`${erasuresPager} ${erasuresFiles}`,
      deps.utcOffsetOf,
    )}
    ${dashboardLink(ctx, agency)}`;
    sendPage(res, ctx, { title: ctx.t('retention.title'), main });
  });
}

function retentionMain(
  ctx: PageContext,
  agencies: readonly string[],
  agency: string | undefined,
  due: DueForErasure,
  more: Html,
) {
  return html`<h1>${ctx.t('retention.title')}</h1>
    <p class="lead">${ctx.t('retention.lead')}</p>
    <form class="filters" method="get" action="/supervise/retention">
      <label for="f-agency">${ctx.t('case.agency')}</label>
      <select id="f-agency" name="agency">
        <option value="">${ctx.t('supervise.allAgencies')}</option>
        ${agencies.map((a) => html`<option value="${a}" ${a === agency ? html`selected` : ''}>${agencyName(ctx, a)}</option>`)}
      </select>
      <label for="f-asof">${ctx.t('retention.asOf')}</label>
      <input id="f-asof" name="asOf" type="date" value="${due.asOf}" />
      <button type="submit">${ctx.t('retention.show')}</button>
    </form>
    <section id="due">${columnTable(ctx, dueColumns(ctx), due.items, 'retention.none')} ${more}</section>
    <p class="muted">${ctx.t('retention.rule')}</p>`;
}

/** The columns of the files due for erasure, for the page and its spreadsheet, with the command that erases each. */
function dueColumns(ctx: PageContext): TableColumn<DueForErasure['items'][number]>[] {
  return [
    {
      head: 'retention.case',
      text: (c) => (c.kind === 'case' ? c.caseId : `${ctx.t('retention.application')} ${c.applicationId}`),
      cell: (c) =>
        c.kind === 'case'
          ? html`<a href="${caseHref(c)}">${c.caseId}</a>`
          : html`${ctx.t('retention.application')} ${c.applicationId}`,
    },
    { head: 'case.agency', text: (c) => agencyName(ctx, c.agency) },
    { head: 'retention.item', text: (c) => c.itemName ?? c.itemCode },
    { head: 'retention.closedOn', text: (c) => c.closedOn },
    {
      head: 'retention.period',
      text: (c) =>
        ctx.t('retention.years', {
          years: c.retention.period,
          source: ctx.t(`retention.source.${c.retention.source}` as MessageKey),
        }),
    },
    { head: 'retention.erasableFrom', text: (c) => c.erasableFrom },
    { head: 'retention.daysPast', text: (c) => String(c.daysPast) },
    {
      head: 'retention.erase',
      text: (c) => eraseCommand(ctx, c),
      cell: (c) => html`<code>${eraseCommand(ctx, c)}</code>`,
    },
  ];
}

/** The command an administrator runs to erase a listed file's personal data (`ledger erase`, docs/privacy.md). */
function eraseCommand(ctx: PageContext, c: DueForErasure['items'][number]): string {
  const target = c.kind === 'case' ? `--case ${c.caseId}` : `--application ${c.applicationId}`;
  const reason = ctx.t('retention.eraseReason', { years: c.retention.period });
  return `ledger erase ${target} --ground retention_expired --reason "${reason}"`;
}

/** The erasures recorded, latest first: case or application, when, by whom, on what ground; never a party's data. */
function erasuresSection(ctx: PageContext, erasures: Erasures, more: Html, utcOffsetOf: (agency: string) => number) {
  return html`<section id="erasures" aria-labelledby="erasures-title">
    <h2 id="erasures-title">${ctx.t('retention.erasures')}</h2>
    <p class="muted">${ctx.t('retention.erasures.lead')}</p>
    ${columnTable(ctx, erasureColumns(ctx, utcOffsetOf), erasures.items, 'retention.erasures.none')} ${more}
  </section>`;
}

/** The columns of the erasures recorded, for the page and its spreadsheet: who erased, by name, when and why. */
function erasureColumns(
  ctx: PageContext,
  utcOffsetOf: (agency: string) => number,
): TableColumn<Erasures['items'][number]>[] {
  return [
    {
      head: 'retention.case',
      text: (e) => (e.kind === 'case' ? e.caseId : `${ctx.t('retention.erasedApplication')} ${e.applicationId}`),
      cell: (e) =>
        e.kind === 'case'
          ? html`<a href="${caseHref(e)}">${e.caseId}</a>`
          : html`${ctx.t('retention.erasedApplication')} ${e.applicationId}`,
    },
    { head: 'case.agency', text: (e) => agencyName(ctx, e.agency) },
    {
      head: 'retention.erasedAt',
      text: (e) => localMinuteWithOffset(e.erasedAt, utcOffsetOf(e.agency)),
      cell: (e) =>
        html`<time datetime="${e.erasedAt}">${localMinuteWithOffset(e.erasedAt, utcOffsetOf(e.agency))}</time>`,
    },
    { head: 'retention.erasedBy', text: (e) => personShown(ctx, e.agency, e.by) },
    { head: 'retention.ground', text: (e) => ctx.t(`retention.ground.${e.ground}` as MessageKey) },
  ];
}
