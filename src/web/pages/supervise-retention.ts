import type { Router } from 'express';
import { listingOf } from '../../http/retrieval.js';
import type { SupervisionReads } from '../../app/supervision-reads.js';
import { asOfDay, id } from '../../http/query.js';
import type { PortalAssets } from '../assets.js';
import { html, type Html } from '../html.js';
import type { MessageKey } from '../i18n.js';
import { pageContext, sendPage, type PageContext } from '../layout.js';
import { caseHref } from '../links.js';
import { portalPrincipal, signedIn } from '../session.js';
import { dataTable } from './data-table.js';
import { agencyName, localMinuteWithOffset } from './labels.js';
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
    const duePage = listPaging(req, RETENTION_ROWS);
    const erasuresPage = listPaging(req, RETENTION_ROWS, 'erasuresCursor');
    const due = await deps.supervision.dueForErasure(
      {
        principal,
        ...listingOf(req, res),
        ...(agency === undefined ? {} : { agency }),
        ...(asOf === undefined ? {} : { asOf }),
      },
      duePage.paging,
    );
    const erasures = await deps.supervision.erasures(
      { principal, ...listingOf(req, res), ...(agency === undefined ? {} : { agency }) },
      erasuresPage.paging,
    );
    const agencies = [...new Set([principal.agency, ...principal.supervises])];
    // each list pages on by its own cursor; the day the first page was judged on, the size asked for and the other
    // list's cursor stay in every link
    const view = {
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
    const main = html`${retentionMain(ctx, agencies, agency, due, duePager)}${erasuresSection(
      ctx,
      erasures,
      erasuresPager,
      deps.utcOffsetOf,
    )}`;
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
    <section id="due">
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
          'retention.erase',
        ],
        due.items.map(
          (c) =>
            html`<tr>
              <td>
                ${
                  c.kind === 'case'
                    ? html`<a href="${caseHref(c)}">${c.caseId}</a>`
                    : html`${ctx.t('retention.application')} ${c.applicationId}`
                }
              </td>
              <td>${agencyName(ctx, c.agency)}</td>
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
              <td><code>${eraseCommand(ctx, c)}</code></td>
            </tr>`,
        ),
        'retention.none',
      )}
      ${more}
    </section>
    <p class="muted">${ctx.t('retention.rule')}</p>`;
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
    ${dataTable(
      ctx,
      ['retention.case', 'case.agency', 'retention.erasedAt', 'retention.erasedBy', 'retention.ground'],
      erasures.items.map(
        (e) =>
          html`<tr>
            <td>
              ${
                e.kind === 'case'
                  ? html`<a href="${caseHref(e)}">${e.caseId}</a>`
                  : html`${ctx.t('retention.erasedApplication')} ${e.applicationId}`
              }
            </td>
            <td>${agencyName(ctx, e.agency)}</td>
            <td><time datetime="${e.erasedAt}">${localMinuteWithOffset(e.erasedAt, utcOffsetOf(e.agency))}</time></td>
            <td>${e.by}</td>
            <td>${ctx.t(`retention.ground.${e.ground}` as MessageKey)}</td>
          </tr>`,
      ),
      'retention.erasures.none',
    )}
    ${more}
  </section>`;
}
