import type { Router } from 'express';
import { CATEGORIES, OFFICER_STATUSES } from '../../http/public-api.js';
import { id, oneOf, single } from '../../http/query.js';
import { html, type Html } from '../html.js';
import { pageContext, sendPage, type PageContext } from '../layout.js';
import { formQuery, label, pageSize, pager, select, yuan, type PublicPagesDependencies } from './public-parts.js';
import { dataTable } from './data-table.js';
import { agencyName, enumerationSeparator } from './labels.js';

/**
 * An officer's signing keys, folded away (a party matches the key id an act or bundle names against them): each with
 * whether it is valid or from when it is revoked, and why.
 */
function officerKeys(
  ctx: PageContext,
  keys: readonly { keyId: string; revokedFrom?: string; revocationReason?: string }[],
): Html | string {
  if (keys.length === 0) return '—';
  return html`<details>
    <summary>${ctx.t('officers.keys.count', { count: keys.length })}</summary>
    <ul>
      ${keys.map(
        (k) =>
          html`<li>
            <code>${k.keyId}</code>
            ${
              k.revokedFrom === undefined
                ? ctx.t('officers.key.current')
                : ctx.t('officers.key.revoked', { from: k.revokedFrom, reason: k.revocationReason ?? '' })
            }
          </li>`,
      )}
    </ul>
  </details>`;
}

/**
 * `/officers` and `/items`: the lists the plan requires to be published before enforcement (执法人员名单,
 * 执法事项清单), from `PublicReads` as `GET /v1/officers` and `GET /v1/items` answer them, filtered by agency and
 * by status or category, paged by cursor.
 */
export function registerRegisterPages(router: Router, deps: PublicPagesDependencies): void {
  router.get('/officers', deps.limited, async (req, res) => {
    const ctx = pageContext(req, res, deps.assets);
    const params = formQuery(req);
    const agency = id(params.agency, 'agency');
    const status = oneOf(params.status, 'status', OFFICER_STATUSES);
    const after = single(params.cursor, 'cursor');
    const page = await deps.publicReads.officers(
      { ...(agency ? { agency } : {}), ...(status ? { status } : {}) },
      { limit: pageSize(params), ...(after ? { after } : {}) },
    );
    const { agencies } = await deps.publicReads.catalogue();
    const kept = { ...(agency ? { agency } : {}), ...(status ? { status } : {}), ...limitParam(params) };
    sendPage(res, ctx, {
      title: ctx.t('officers.title'),
      main: html`<h1>${ctx.t('officers.title')}</h1>
        <p class="lead">${ctx.t('officers.lead')}</p>
        ${filters(ctx, '/officers', [
          select(ctx, 'agency', 'public.agency', options(ctx, agencies), agency),
          select(
            ctx,
            'status',
            'public.status',
            [...OFFICER_STATUSES].map((s) => ({ value: s, text: label(ctx, 'officers.status', s) })),
            status,
          ),
        ])}
        ${dataTable(
          ctx,
          [
            'officers.name',
            'officers.certificateNo',
            'public.agency',
            'officers.categories',
            'officers.validity',
            'public.status',
            'officers.keys',
          ],
          page.items.map(
            (o) =>
              html`<tr>
                <td>${o.name}</td>
                <td>${o.certificateNo}</td>
                <td>${agencyName(ctx, o.agency)}</td>
                <td>${o.categories.map((c) => label(ctx, 'category', c)).join(enumerationSeparator(ctx))}</td>
                <td>${o.validFrom} – ${o.validTo}</td>
                <td>${label(ctx, 'officers.status', o.status)}</td>
                <td>${officerKeys(ctx, o.keys)}</td>
              </tr>`,
          ),
        )}
        ${pager(ctx, '/officers', { ...kept, ...(after ? { cursor: after } : {}) }, page.next)}`,
    });
  });

  router.get('/items', deps.limited, async (req, res) => {
    const ctx = pageContext(req, res, deps.assets);
    const params = formQuery(req);
    const agency = id(params.agency, 'agency');
    const category = oneOf(params.category, 'category', CATEGORIES);
    const after = single(params.cursor, 'cursor');
    const page = await deps.publicReads.items(
      { ...(agency ? { agency } : {}), ...(category ? { category } : {}) },
      { limit: pageSize(params), ...(after ? { after } : {}) },
    );
    const { agencies } = await deps.publicReads.catalogue();
    const kept = { ...(agency ? { agency } : {}), ...(category ? { category } : {}), ...limitParam(params) };
    sendPage(res, ctx, {
      title: ctx.t('items.title'),
      main: html`<h1>${ctx.t('items.title')}</h1>
        <p class="lead">${ctx.t('items.lead')}</p>
        ${filters(ctx, '/items', [
          select(ctx, 'agency', 'public.agency', options(ctx, agencies), agency),
          select(
            ctx,
            'category',
            'public.category',
            [...CATEGORIES].map((c) => ({ value: c, text: label(ctx, 'category', c) })),
            category,
          ),
        ])}
        ${dataTable(
          ctx,
          [
            'items.code',
            'items.name',
            'public.agency',
            'public.category',
            'public.legalBasis',
            'items.duties',
            'items.powers',
            'items.major',
            'items.reviewMaterials',
            'items.deadline',
            'public.status',
          ],
          page.items.map((i) => [
            i.code,
            i.name,
            agencyName(ctx, i.agency),
            label(ctx, 'category', i.category),
            i.legalBasis,
            i.duties ?? '—',
            i.powers ?? '—',
            majorText(ctx, i.major),
            i.reviewMaterials?.length ? i.reviewMaterials.join(enumerationSeparator(ctx)) : '—',
            i.disclosureWorkingDays === undefined
              ? ctx.t('items.defaultDays')
              : ctx.t('items.workingDays', { days: i.disclosureWorkingDays }),
            ctx.t(i.retired ? 'items.retired' : 'items.current'),
          ]),
        )}
        ${pager(ctx, '/items', { ...kept, ...(after ? { cursor: after } : {}) }, page.next)}`,
    });
  });
}

function limitParam(params: Record<string, string>): { limit?: string } {
  return params.limit === undefined ? {} : { limit: params.limit };
}

/** The agencies of a filter, each shown by its name. */
function options(ctx: PageContext, agencies: readonly string[]) {
  return agencies.map((value) => ({ value, text: agencyName(ctx, value) }));
}

function filters(ctx: PageContext, action: string, fields: readonly Html[]): Html {
  return html`<form class="filters" method="get" action="${action}" aria-label="${ctx.t('public.filters')}">
    ${fields}
    <button type="submit">${ctx.t('public.apply')}</button>
    <a href="${action}">${ctx.t('public.reset')}</a>
  </form>`;
}

function majorText(
  ctx: PageContext,
  major: { readonly fineFenAtLeast?: number; readonly decisionTypes?: readonly string[] } | undefined,
): string {
  if (!major) return '—';
  const parts: string[] = [];
  if (major.fineFenAtLeast !== undefined) parts.push(ctx.t('items.majorFine', { amount: yuan(major.fineFenAtLeast) }));
  if (major.decisionTypes?.length) {
    parts.push(
      ctx.t('items.majorTypes', {
        types: major.decisionTypes.map((t) => label(ctx, 'decisionType', t)).join(enumerationSeparator(ctx)),
      }),
    );
  }
  return parts.join('；') || '—';
}
