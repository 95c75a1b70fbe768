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
