import type { Router } from 'express';
import type { SupervisionReads } from '../../app/supervision-reads.js';
import { date, id } from '../../http/query.js';
import type { PortalAssets } from '../assets.js';
import { html } from '../html.js';
import type { MessageKey } from '../i18n.js';
import { pageContext, sendPage, type PageContext } from '../layout.js';
import { caseHref } from '../links.js';
import { portalPrincipal, signedIn } from '../session.js';
import { dataTable } from './data-table.js';

/** How many cases the page lists. */
export const RETENTION_ROWS = 100;

type DueForErasure = Awaited<ReturnType<SupervisionReads['dueForErasure']>>;

/** A query value of the page's form: an empty field is no value. */
const given = (value: unknown): unknown => (value === '' ? undefined : value);

/**
 * `/supervise/retention`: the closed cases whose retention (保管期限) has run out by `?asOf=` (today by default) and
 * whose personal data has not been erased, as `GET /v1/audit/due-for-erasure` answers them.
 */
export function registerRetentionPage(
  router: Router,
  deps: { supervision: Pick<SupervisionReads, 'dueForErasure'>; assets: PortalAssets },
): void {
  router.get('/supervise/retention', signedIn('supervisor'), async (req, res) => {
    const ctx = pageContext(req, res, deps.assets);
    const principal = portalPrincipal(res);
    const agency = id(given(req.query.agency), 'agency');
    const asOf = date(given(req.query.asOf), 'asOf');
    const due = await deps.supervision.dueForErasure(
      { principal, ...(agency === undefined ? {} : { agency }), ...(asOf === undefined ? {} : { asOf }) },
      { limit: RETENTION_ROWS },
    );
    const agencies = [...new Set([principal.agency, ...principal.supervises])];
    sendPage(res, ctx, { title: ctx.t('retention.title'), main: retentionMain(ctx, agencies, agency, due) });
  });
}

function retentionMain(ctx: PageContext, agencies: readonly string[], agency: string | undefined, due: DueForErasure) {
  return html`<h1>${ctx.t('retention.title')}</h1>
    <p class="lead">${ctx.t('retention.lead')}</p>
    <form class="filters" method="get" action="/supervise/retention">
      <label for="f-agency">${ctx.t('case.agency')}</label>
      <select id="f-agency" name="agency">
        <option value="">${ctx.t('supervise.allAgencies')}</option>
        ${agencies.map((a) => html`<option value="${a}" ${a === agency ? html`selected` : ''}>${a}</option>`)}
      </select>
      <label for="f-asof">${ctx.t('retention.asOf')}</label>
      <input id="f-asof" name="asOf" type="date" value="${due.asOf}" />
      <button type="submit">${ctx.t('retention.show')}</button>
    </form>
    ${dataTable(
      ctx,
      [
        'retention.case',
        'case.agency',
        'retention.item',
        'retention.closedOn',
        'retention.period',
        'retention.erasableFrom',
        'retention.daysPast',
      ],
      due.items.map(
        (c) =>
          html`<tr>
            <td><a href="${caseHref(c)}">${c.caseId}</a></td>
            <td>${c.agency}</td>
            <td>${c.itemName ?? c.itemCode}</td>
            <td>${c.closedOn}</td>
            <td>
              ${ctx.t('retention.years', {
                years: c.retention.period,
                source: ctx.t(`retention.source.${c.retention.source}` as MessageKey),
              })}
            </td>
            <td>${c.erasableFrom}</td>
            <td>${c.daysPast}</td>
          </tr>`,
      ),
      'retention.none',
    )}
    ${due.next === undefined ? '' : html`<p class="muted">${ctx.t('retention.more', { count: RETENTION_ROWS })}</p>`}
    <p class="muted">${ctx.t('retention.rule')}</p>`;
}
