import { html, type Html } from '../html.js';
import type { MessageKey } from '../i18n.js';
import type { PageContext } from '../layout.js';

/**
 * A table of rows under translated column heads, scrolling sideways on a narrow screen, or the `empty` sentence when
 * there are no rows. A row is either markup of its own `<tr>` or a list of cell texts (each escaped).
 */
export function dataTable(
  ctx: PageContext,
  heads: readonly MessageKey[],
  rows: readonly Html[] | readonly (readonly string[])[],
  empty: MessageKey = 'public.none',
): Html {
  if (rows.length === 0) return html`<p>${ctx.t(empty)}</p>`;
  return html`<div class="table-wrap">
    <table>
      <thead>
        <tr>
          ${heads.map((h) => html`<th scope="col">${ctx.t(h)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map((row) =>
          Array.isArray(row)
            ? html`<tr>
                ${row.map((cell) => html`<td>${cell}</td>`)}
              </tr>`
            : row,
        )}
      </tbody>
    </table>
  </div>`;
}

/**
 * A column of a table that a page shows and a supervisor downloads as a spreadsheet: its head, each row's cell as
 * text (what the spreadsheet holds, and what the page shows unless `cell` marks it up, a link to the case say), and
 * the cell's class on the page.
 */
export interface TableColumn<T> {
  readonly head: MessageKey;
  readonly text: (row: T) => string;
  readonly cell?: (row: T) => Html;
  readonly className?: (row: T) => string | undefined;
  /**
   * The columns the spreadsheet holds in its place, when they differ from the page's: a sum of money as a number
   * of yuan a spreadsheet adds up (`5000.00`), under a head that names the unit, rather than the page's `¥5,000.00`.
   */
  readonly sheet?: readonly SheetColumn<T>[];
}

/** A column of the spreadsheet alone (see {@link TableColumn.sheet}). */
export interface SheetColumn<T> {
  readonly head: MessageKey;
  readonly text: (row: T) => string;
}

/** {@link dataTable} of rows by their columns: the page's table of what {@link sheetOf} downloads. */
export function columnTable<T>(
  ctx: PageContext,
  columns: readonly TableColumn<T>[],
  rows: readonly T[],
  empty: MessageKey = 'public.none',
): Html {
  return dataTable(
    ctx,
    columns.map((c) => c.head),
    rows.map(
      (row) =>
        html`<tr>
          ${columns.map((c) => {
            const className = c.className?.(row);
            const content = c.cell ? c.cell(row) : c.text(row);
            return className ? html`<td class="${className}">${content}</td>` : html`<td>${content}</td>`;
          })}
        </tr>`,
    ),
    empty,
  );
}

/**
 * The rows of a spreadsheet of the table: the heads in the page's language, then each row's cells as text, a column
 * that says how the spreadsheet holds it (`sheet`) as those columns.
 */
export function sheetOf<T>(ctx: PageContext, columns: readonly TableColumn<T>[], rows: readonly T[]): string[][] {
  const cells: readonly SheetColumn<T>[] = columns.flatMap((c) => c.sheet ?? [c]);
  return [cells.map((c) => ctx.t(c.head)), ...rows.map((row) => cells.map((c) => c.text(row)))];
}
