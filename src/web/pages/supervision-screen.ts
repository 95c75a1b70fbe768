/** What the supervisors' screens share: the agency filter, the CSV download and the way back to the dashboard. */
import type { Request, Response } from 'express';
import { CSV_CONTENT_TYPE, csvFile } from '../../http/csv.js';
import { agencyName } from './labels.js';
import type { Principal } from '../../app/auth.js';
import { oneOf } from '../../http/query.js';
import { html, type Html } from '../html.js';
import { given } from './paging.js';
import type { PageContext } from '../layout.js';

/** The agencies a supervisor's screens may be narrowed to: their own and those they supervise. */
export const filterAgencies = (principal: Pick<Principal, 'agency' | 'supervises'>): string[] => [
  ...new Set([principal.agency, ...principal.supervises]),
];

/** The agency choice of a supervision screen's filter form (`agency`): every agency of the reader's, or one. */
export function agencySelect(ctx: PageContext, agencies: readonly string[], selected: string | undefined): Html {
  return html`<label for="f-agency">${ctx.t('case.agency')}</label>
    <select id="f-agency" name="agency">
      <option value="">${ctx.t('supervise.allAgencies')}</option>
      ${agencies.map((a) => html`<option value="${a}" ${a === selected ? html`selected` : ''}>${agencyName(ctx, a)}</option>`)}
    </select>`;
}

/**
 * The links that download a supervision screen as files, with the page's own query: the table as the page shows it
 * (`format=sheet`: its heads in the page's language, agencies and people by name, sums in yuan, every row of the
 * list), and the API's CSV file of this page (`format=csv`: its members' paths as heads, codes, fines in fen), which
 * integrations read.
 */
export function csvDownload(ctx: PageContext, path: string, params: Readonly<Record<string, string>>): Html {
  // the whole list: no page's cursor (`cursor`, or a list's own, `erasuresCursor`) nor size
  const filters = Object.fromEntries(
    Object.entries(params).filter(([name]) => name !== 'limit' && !/cursor$/i.test(name)),
  );
  const sheet = `${path}?${new URLSearchParams({ ...filters, format: 'sheet' }).toString()}`;
  const href = `${path}?${new URLSearchParams({ ...params, format: 'csv' }).toString()}`;
  return html`<ul class="downloads">
    <li><a href="${sheet}" download>${ctx.t('supervise.list.sheet')}</a></li>
    <li><a href="${href}" download>${ctx.t('supervise.list.csv')}</a></li>
  </ul>`;
}

/** Rows the spreadsheet of a supervision list holds at most ({@link sheetRowsOf}); the rest is left to the pages. */
export const SHEET_ROWS = 5_000;

/**
 * Every row of a paged list, read from the first page on, 200 at a time, up to {@link SHEET_ROWS}; `cut` when the
 * list has more.
 */
export async function sheetRowsOf<T>(
  read: (paging: {
    limit: number;
    after?: string;
  }) => Promise<{ readonly items: readonly T[]; readonly next?: string }>,
): Promise<{ rows: T[]; cut: boolean }> {
  const rows: T[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await read({
      limit: Math.min(200, SHEET_ROWS - rows.length),
      ...(after === undefined ? {} : { after }),
    });
    rows.push(...page.items);
    after = page.next;
    if (after === undefined) return { rows, cut: false };
    if (rows.length >= SHEET_ROWS) return { rows, cut: true };
  }
}

/**
 * {@link sheetRowsOf} of a list judged on a day (`asOf`, today when absent): every page judged on the day the first
 * was, as the pages' own links keep it; with that day, which the file is named by.
 */
export async function sheetRowsAsOf<T>(
  asOf: string | undefined,
  read: (
    day: string | undefined,
    paging: { limit: number; after?: string },
  ) => Promise<{ readonly items: readonly T[]; readonly next?: string; readonly asOf: string }>,
): Promise<{ rows: T[]; cut: boolean; asOf?: string }> {
  let day = asOf;
  const whole = await sheetRowsOf(async (paging) => {
    const page = await read(day, paging);
    day ??= page.asOf;
    return page;
  });
  return day === undefined ? whole : { ...whole, asOf: day };
}

/**
 * Sends a supervision screen's table as a CSV file for a spreadsheet (UTF-8 with its byte-order mark, formulas
 * neutralised), named by the screen's title; a list cut at {@link SHEET_ROWS} ends with a row that says so.
 */
export function sendSheet(
  res: Response,
  ctx: PageContext,
  file: {
    readonly title: string;
    readonly name: string;
    readonly rows: readonly (readonly string[])[];
    readonly cut?: boolean;
    /** The agency the list was narrowed to (`?agency=`), which names the file too. */
    readonly agency?: string;
    /** The day a list judged on a day was judged on ({@link sheetRowsAsOf}), which names the file too. */
    readonly asOf?: string;
  },
): void {
  const rows = file.cut ? [...file.rows, [ctx.t('supervise.list.sheetCut', { rows: SHEET_ROWS })]] : file.rows;
  // named by the list, then the agency it was narrowed to and the day it was judged on, when it was
  const parts: { code: string; shown: string }[] = [];
  if (file.agency !== undefined) parts.push({ code: file.agency, shown: agencyName(ctx, file.agency) });
  if (file.asOf !== undefined) parts.push({ code: file.asOf, shown: file.asOf });
  const name = [file.name, ...parts.map((p) => p.code)].join('-');
  const title = [file.title, ...parts.map((p) => p.shown)].join(' ');
  res.status(200).set('Content-Type', CSV_CONTENT_TYPE);
  res.set(
    'Content-Disposition',
    `attachment; filename="${name}.csv"; filename*=UTF-8''${encodeURIComponent(`${title}.csv`)}`,
  );
  res.set('Cache-Control', 'no-store');
  res.send(csvFile(rows));
}

/** A supervision screen's path, narrowed to `agency` when one is chosen (`?agency=`). */
export const withAgency = (path: string, agency: string | undefined): string =>
  agency === undefined ? path : `${path}?${new URLSearchParams({ agency }).toString()}`;

/** The way back to the dashboard, narrowed to the same agency. */
export function dashboardLink(ctx: PageContext, agency: string | undefined): Html {
  return html`<p><a href="${withAgency('/supervise', agency)}">${ctx.t('supervise.list.back')}</a></p>`;
}

/**
 * How a supervision screen is asked for: its page (`html`, or no `format`), the API's CSV file of the page (`csv`),
 * or the table as the page shows it, for a spreadsheet (`sheet`); any other format is a bad query (400), read before
 * the screen reads anything.
 */
export const formatOf = (req: Request): 'html' | 'csv' | 'sheet' =>
  oneOf(given(req.query.format), 'format', ['html', 'csv', 'sheet'] as const) ?? 'html';
