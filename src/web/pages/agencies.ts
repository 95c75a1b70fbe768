import type { RequestHandler, Router } from 'express';
import type { AgencyProfiles, AgencyView } from '../../app/agency-profiles.js';
import { single } from '../../http/query.js';
import type { PortalAssets } from '../assets.js';
import { html, type Html } from '../html.js';
import { pageContext, sendPage, type PageContext } from '../layout.js';
import { hrefWith, pager, pageSize, formQuery } from './public-parts.js';
import { localMinuteWithOffset } from './labels.js';

export interface AgencyPagesDependencies {
  readonly agencies: Pick<AgencyProfiles, 'list'>;
  readonly limited: RequestHandler;
  readonly utcOffsetOf: (agency: string) => number;
  readonly assets: PortalAssets;
}

/** Where anyone reads the agencies' public profiles. */
export const AGENCIES_PATH = '/agencies';

/** One agency: its name and code, how to reach it, and links to what it publishes. */
function agencyCard(ctx: PageContext, a: AgencyView, offset: number): Html {
  const heading = `agency-${a.agency}`;
  const rows = (
    [
      ['agencies.address', a.address],
      ['agencies.hours', a.hours],
      ['agencies.telephone', a.telephone],
      ['agencies.supervisionTelephone', a.supervisionTelephone],
    ] as const
  ).filter(([, value]) => value !== undefined);
  return html`<section class="agency" aria-labelledby="${heading}">
    <h2 id="${heading}">${a.name}</h2>
    <dl class="fields">
      <dt>${ctx.t('agencies.code')}</dt>
      <dd><code>${a.agency}</code></dd>
      ${rows.map(
        ([key, value]) =>
          html`<dt>${ctx.t(key)}</dt>
            <dd>${value}</dd>`,
      )}
      <dt>${ctx.t('agencies.updatedAt')}</dt>
      <dd><time datetime="${a.updatedAt}">${localMinuteWithOffset(a.updatedAt, offset)}</time></dd>
    </dl>
    <nav aria-label="${ctx.t('agencies.links', { name: a.name })}">
      <ul class="inline">
        <li><a href="${hrefWith('/officers', { agency: a.agency })}">${ctx.t('agencies.officers')}</a></li>
        <li><a href="${hrefWith('/items', { agency: a.agency })}">${ctx.t('agencies.items')}</a></li>
        <li><a href="${hrefWith('/disclosures', { agency: a.agency })}">${ctx.t('agencies.disclosures')}</a></li>
      </ul>
    </nav>
  </section>`;
}

/**
 * `/agencies`: the enforcement agencies (行政执法主体) that published their details, by code, with where and when
 * they receive the public and links to their officers, items and decisions; what `GET /v1/agencies` answers.
 */
export function registerAgencyPages(router: Router, deps: AgencyPagesDependencies): void {
  router.get(AGENCIES_PATH, deps.limited, async (req, res) => {
    const ctx = pageContext(req, res, deps.assets);
    const params = formQuery(req);
    const after = single(params.cursor, 'cursor');
    const page = await deps.agencies.list({ limit: pageSize(params), ...(after ? { after } : {}) });
    const kept: Record<string, string> = params.limit === undefined ? {} : { limit: params.limit };
    sendPage(res, ctx, {
      title: ctx.t('agencies.title'),
      main: html`<h1>${ctx.t('agencies.title')}</h1>
        <p class="lead">${ctx.t('agencies.lead')}</p>
        ${
          page.items.length === 0
            ? // past the last page, the list is not empty: there are none after it
              html`<p>${ctx.t(after ? 'public.none' : 'agencies.none')}</p>`
            : page.items.map((a) => agencyCard(ctx, a, deps.utcOffsetOf(a.agency)))
        }
        ${pager(ctx, AGENCIES_PATH, { ...kept, ...(after ? { cursor: after } : {}) }, page.next)}`,
    });
  });
}
