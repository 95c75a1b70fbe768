/** What the supervisors' screens share: the agency filter, the CSV download and the way back to the dashboard. */
import type { Request } from 'express';
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

/** The link that downloads a supervision screen as the API's CSV file: the page's own query and `format=csv`. */
export function csvDownload(ctx: PageContext, path: string, params: Readonly<Record<string, string>>): Html {
  const href = `${path}?${new URLSearchParams({ ...params, format: 'csv' }).toString()}`;
  return html`<p><a href="${href}" download>${ctx.t('supervise.list.csv')}</a></p>`;
}

/** A supervision screen's path, narrowed to `agency` when one is chosen (`?agency=`). */
export const withAgency = (path: string, agency: string | undefined): string =>
  agency === undefined ? path : `${path}?${new URLSearchParams({ agency }).toString()}`;

/** The way back to the dashboard, narrowed to the same agency. */
export function dashboardLink(ctx: PageContext, agency: string | undefined): Html {
  return html`<p><a href="${withAgency('/supervise', agency)}">${ctx.t('supervise.list.back')}</a></p>`;
}

/**
 * Whether a supervision screen is asked as the API's CSV file (`?format=csv`) rather than as its page (`html`, or no
 * `format`); any other format is a bad query (400), read before the screen reads anything.
 */
export const asCsvFile = (req: Request): boolean => oneOf(given(req.query.format), 'format', ['html', 'csv']) === 'csv';
