import type { Router } from 'express';
import { given } from './paging.js';
import { listingOf } from '../../http/retrieval.js';
import type { SupervisionReads } from '../../app/supervision-reads.js';
import { asOfDay, id, limitOf, single } from '../../http/query.js';
import { SUPERVISION_TABLES, type ListTable } from '../../http/supervision-csv.js';
import { sendList } from '../../http/supervision-api.js';
import { notFound } from '../../domain/errors.js';
import type { PortalAssets } from '../assets.js';
import { html } from '../html.js';
import type { MessageKey } from '../i18n.js';
import { pageContext, sendPage, type PageContext } from '../layout.js';
import { portalPrincipal, signedIn } from '../session.js';
import {
  agencySelect,
  csvDownload,
  dashboardLink,
  filterAgencies,
  formatOf,
  sendSheet,
  sheetRowsOf,
} from './supervision-screen.js';
import { pager } from './public-parts.js';
import {
  majorDecisionsColumns,
  missingRecordingsColumns,
  overdueDisclosuresColumns,
  supervisionListHref,
  type SupervisionList,
} from './supervise.js';
import { overdueReviewsColumns } from './supervise-reviews.js';
import { columnTable, sheetOf, type TableColumn } from './data-table.js';

/** Rows to a page of a supervision list (`?limit=` asks for 1 to {@link MAX_SUPERVISION_LIST_ROWS}). */
export const SUPERVISION_LIST_ROWS = 50;
export const MAX_SUPERVISION_LIST_ROWS = 200;

type Reads = Pick<SupervisionReads, 'overdueDisclosures' | 'overdueReviews' | 'missingRecordings' | 'majorDecisions'>;
/** A list's query: the lists of what is due (`dated`) are answered as of a day, `?asOf=` as the API takes it. */
type Query = Parameters<SupervisionReads['missingRecordings']>[0] & { readonly asOf?: string };
type Paging = Parameters<SupervisionReads['missingRecordings']>[1];

interface ListPage {
  readonly items: readonly unknown[];
  readonly next?: string;
  readonly asOf?: string;
}

/** Each list: its title (the dashboard section's), its file names, the read that pages it, and its columns. */
const LISTS: Record<
  SupervisionList,
  {
    readonly title: MessageKey;
    /** Its CSV file, as `GET /v1/audit/*` gives it. */
    readonly csv: ListTable;
    readonly read: (reads: Reads, query: Query, paging: Paging) => Promise<ListPage>;
    /**
     * The table's columns, for the page and its spreadsheet; `utcOffsetOf` gives an agency's minutes east of UTC,
     * in which its times are shown.
     */
    readonly columns: (ctx: PageContext, utcOffsetOf: (agency: string) => number) => TableColumn<never>[];
    /** Answered as of a day (`?asOf=`, today by default): what is due, overdue or late is of a day. */
    readonly dated?: true;
  }
> = {
  'overdue-disclosures': {
    csv: SUPERVISION_TABLES.overdueDisclosures,
    title: 'supervise.overdue',
    read: (reads, query, paging) => reads.overdueDisclosures(query, paging),
    dated: true,
    columns: (ctx) => overdueDisclosuresColumns(ctx),
  },
  'overdue-reviews': {
    csv: SUPERVISION_TABLES.overdueReviews,
    title: 'supervise.overdueReviews',
    read: (reads, query, paging) => reads.overdueReviews(query, paging),
    dated: true,
    columns: (ctx) => overdueReviewsColumns(ctx),
  },
  'missing-recordings': {
    csv: SUPERVISION_TABLES.missingRecordings,
    title: 'supervise.missing',
    read: (reads, query, paging) => reads.missingRecordings(query, paging),
    columns: (ctx, utcOffsetOf) => missingRecordingsColumns(ctx, utcOffsetOf),
  },
  'major-decisions': {
    csv: SUPERVISION_TABLES.majorDecisions,
    title: 'supervise.major',
    read: (reads, query, paging) => reads.majorDecisions(query, paging),
    columns: (ctx) => majorDecisionsColumns(ctx),
  },
};

const isList = (name: string): name is SupervisionList => Object.hasOwn(LISTS, name);

/**
 * `/supervise/lists/{list}`: a list the supervision dashboard shows the first rows of (decisions not published in
 * time, reviews past their limit, acts missing their recording, major decisions), in full, a page at a time
 * (`?cursor=`, the API's cursor; `?limit=` rows, 50 by default), narrowed to one agency with `?agency=`; read as
 * `GET /v1/audit/*` reads it; the page links the whole list as a spreadsheet of its table (`?format=sheet`) and
 * the page as the API's CSV file (`?format=csv`).
 */
export function registerSupervisionListPages(
  router: Router,
  deps: { supervision: Reads; utcOffsetOf: (agency: string) => number; assets: PortalAssets },
): void {
  router.get('/supervise/lists/:list', signedIn('supervisor'), async (req, res) => {
    const list = String(req.params.list);
    if (!isList(list)) throw notFound('no such supervision list');
    const ctx = pageContext(req, res, deps.assets);
    const principal = portalPrincipal(res);
    const agency = id(given(req.query.agency), 'agency');
    const format = formatOf(req);
    const cursor = single(given(req.query.cursor), 'cursor');
    const limit = limitOf(given(req.query.limit), { max: MAX_SUPERVISION_LIST_ROWS, fallback: SUPERVISION_LIST_ROWS });
    const spec = LISTS[list];
    // a past day's list is the one the day gave (the API's `asOf`); the other lists are of no day
    const asOf = spec.dated ? asOfDay(given(req.query.asOf)) : undefined;
    const query = {
      principal,
      ...listingOf(req, res),
      ...(agency === undefined ? {} : { agency }),
      ...(asOf === undefined ? {} : { asOf }),
    };
    const columns = spec.columns(ctx, deps.utcOffsetOf) as TableColumn<unknown>[];
    // the whole list as the page shows it, for a spreadsheet (`?format=sheet`), from its first row
    if (format === 'sheet') {
      const { rows, cut } = await sheetRowsOf((paging) => spec.read(deps.supervision, query, paging));
      const shown = rows.filter((row) => row !== undefined);
      sendSheet(res, ctx, { title: ctx.t(spec.title), name: list, rows: sheetOf(ctx, columns, shown), cut, agency });
      return;
    }
    const page = await spec.read(deps.supervision, query, {
      limit,
      ...(cursor === undefined ? {} : { after: cursor }),
    });
    // the same page as the API's CSV file (`?format=csv`), with the session, as the API gives it
    if (format === 'csv') {
      sendList(req, res, spec.csv, page);
      return;
    }
    const path = `/supervise/lists/${list}`;
    const params = {
      ...(agency === undefined ? {} : { agency }),
      ...(asOf === undefined ? {} : { asOf }),
      ...(limit === SUPERVISION_LIST_ROWS ? {} : { limit: String(limit) }),
      ...(cursor === undefined ? {} : { cursor }),
    };
    sendPage(res, ctx, {
      title: ctx.t(spec.title),
      main: html`<h1>${ctx.t(spec.title)}</h1>
        <p class="lead">${ctx.t('supervise.list.lead', { rows: limit })}</p>
        ${page.asOf === undefined ? '' : html`<p class="muted">${ctx.t('superviseReviews.asOf', { asOf: page.asOf })}</p>`}
        <form class="filters" method="get" action="${path}">
          ${agencySelect(ctx, filterAgencies(principal), agency)}
          ${
            spec.dated &&
            html`<label
              >${ctx.t('supervise.list.asOf')} <input type="date" name="asOf" value="${asOf ?? page.asOf ?? ''}"
            /></label>`
          }
          <button type="submit">${ctx.t('supervise.show')}</button>
        </form>
        ${columnTable(
          ctx,
          columns,
          page.items.filter((row) => row !== undefined),
          'supervise.none',
        )}
        ${pager(ctx, path, params, page.next)} ${csvDownload(ctx, path, params)} ${dashboardLink(ctx, agency)}`,
    });
  });
}

export { supervisionListHref };
