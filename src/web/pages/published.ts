import type { Request, Router } from 'express';
import type { PublishedReads } from '../../app/published-reads.js';
import { RuleViolation } from '../../domain/errors.js';
import { PUBLISHED_KINDS, type PublishedKind } from '../../domain/published/kinds.js';
import { id, oneOf } from '../../http/query.js';
import { html, type Html } from '../html.js';
import type { MessageKey } from '../i18n.js';
import { pageContext, sendPage, type PageContext } from '../layout.js';
import { agencyName, enumerationSeparator, localMinuteWithOffset } from './labels.js';
import { REVIEW_CATALOGUE_PATH } from './review-catalogue.js';
import { documentBody, fieldLabel, fieldText, LIST_COLUMNS } from './published-views.js';
import { formQuery, hrefWith, pageSize, pager, type PublicPagesDependencies } from './public-parts.js';
import { ID_PATTERN } from '../../domain/streams.js';

const KINDS = Object.keys(PUBLISHED_KINDS) as PublishedKind[];
const VERSION = /^[1-9][0-9]{0,14}$/;

const title = (ctx: PageContext, kind: PublishedKind) => ctx.t(`published.kind.${kind}.title` as MessageKey);
const lead = (ctx: PageContext, kind: PublishedKind) => ctx.t(`published.kind.${kind}.lead` as MessageKey);
export const publishedHref = (kind: PublishedKind, agency: string, docId: string, version?: number) =>
  hrefWith(`/published/${kind}/${encodeURIComponent(agency)}/${encodeURIComponent(docId)}`, {
    version: version === undefined ? undefined : String(version),
  });

/**
 * `/published`: what agencies publish before enforcement (事前公开, 二(一)2), read through `PublishedReads` as the
 * API reads it: the five kinds, each kind's list per agency, and each document at its current version (or any past
 * one, `?version=`) with the history of its versions.
 */
export function registerPublishedPages(router: Router, deps: PublicPagesDependencies & { published: PublishedReads }) {
  const reads = deps.published;

  router.get('/published', deps.limited, (req, res) => {
    const ctx = pageContext(req, res, deps.assets);
    sendPage(res, ctx, {
      title: ctx.t('published.title'),
      main: html`<h1>${ctx.t('published.title')}</h1>
        <p class="lead">${ctx.t('published.lead')}</p>
        <ul class="cards">
          ${KINDS.map(
            (kind) =>
              html`<li>
                <a href="/published/${kind}">${title(ctx, kind)}</a>
                <span class="muted">${lead(ctx, kind)}</span>
              </li>`,
          )}
          <li>
            <a href="${REVIEW_CATALOGUE_PATH}">${ctx.t('catalogue.title')}</a>
            <span class="muted">${ctx.t('catalogue.card')}</span>
          </li>
        </ul>`,
    });
  });

  router.get('/published/:kind', deps.limited, async (req, res) => {
    const kind = kindOf(req);
    const ctx = pageContext(req, res, deps.assets);
    const params = formQuery(req);
    const agency = id(params.agency, 'agency');
    const status = oneOf(params.status, 'status', ['current', 'withdrawn'] as const);
    const after = params.cursor;
    const agencies = await reads.agencies(kind);
    const page =
      agency === undefined
        ? undefined
        : await reads.list(kind, agency, status ? { status } : {}, {
            limit: pageSize(params),
            ...(after ? { after } : {}),
          });
    const path = `/published/${kind}`;
    sendPage(res, ctx, {
      title: title(ctx, kind),
      main: html`<h1>${title(ctx, kind)}</h1>
        <p class="lead">${lead(ctx, kind)}</p>
        ${agencyChoice(ctx, path, agencies, agency)}
        ${
          page &&
          agency &&
          html`<h2>${agencyName(ctx, agency)}</h2>
            ${listTable(ctx, kind, agency, page.items, deps.utcOffsetOf(agency))}
            <p>
              ${
                status === 'withdrawn'
                  ? html`<a href="${hrefWith(path, { agency })}">${ctx.t('published.showCurrent')}</a>`
                  : html`<a href="${hrefWith(path, { agency, status: 'withdrawn' })}"
                      >${ctx.t('published.showWithdrawn')}</a
                    >`
              }
            </p>
            ${pager(ctx, path, { agency, ...(status ? { status } : {}), ...(after ? { cursor: after } : {}) }, page.next)}`
        }`,
    });
  });

  router.get('/published/:kind/:agency/:id', deps.limited, async (req, res) => {
    const kind = kindOf(req);
    const agency = String(req.params.agency);
    const docId = String(req.params.id);
    if (!ID_PATTERN.test(agency) || !ID_PATTERN.test(docId))
      throw new RuleViolation('not_found', 404, 'no such document');
    const asked = formQuery(req).version;
    if (asked !== undefined && !VERSION.test(asked)) throw new RuleViolation('not_found', 404, 'no such version');
    const doc = await reads.document(kind, agency, docId);
    const shown =
      asked === undefined || Number(asked) === doc?.version
        ? doc
        : await reads.version(kind, agency, docId, Number(asked));
    if (!doc || !shown) throw new RuleViolation('not_found', 404, 'no such document');
    const ctx = pageContext(req, res, deps.assets);
    // the service records these times in UTC; the page shows them in the agency's time, the offset written
    const local = (instant: string) => localMinuteWithOffset(instant, deps.utcOffsetOf(agency));
    const old = shown.version !== doc.version;
    const heading = `${title(ctx, kind)} · ${kind === 'flow-charts' || kind === 'service-guides' ? `${ctx.t('published.item')} ` : ''}${docId}`;
    sendPage(res, ctx, {
      title: heading,
      main: html`<p>
          <a href="${hrefWith(`/published/${kind}`, { agency })}">${title(ctx, kind)} · ${agencyName(ctx, agency)}</a>
        </p>
        <h1>${heading}</h1>
        <p class="muted">
          ${ctx.t('published.versionN', { version: shown.version })} · ${ctx.t('published.publishedAt')}
          ${local(shown.publishedAt)} · ${ctx.t(doc.status === 'current' ? 'published.current' : 'published.withdrawn')}
        </p>
        ${
          doc.withdrawnAt !== undefined &&
          html`<p class="notice" role="status">
            ${ctx.t('published.withdrawnNotice', { at: local(doc.withdrawnAt), reason: doc.withdrawalReason ?? '' })}
          </p>`
        }
        ${
          old &&
          html`<p class="notice" role="status">
            ${ctx.t('published.viewingOld', { version: shown.version })}
            <a href="${publishedHref(kind, agency, docId)}">${ctx.t('published.toCurrent')}</a>
          </p>`
        }
        ${documentBody(ctx, kind, shown.document as Record<string, unknown>)}
        ${history(ctx, kind, agency, docId, doc.history, shown.version, local)}`,
    });
  });
}

function kindOf(req: Request): PublishedKind {
  const kind = String(req.params.kind);
  if (!(KINDS as string[]).includes(kind)) throw new RuleViolation('not_found', 404, 'no such list');
  return kind as PublishedKind;
}

function agencyChoice(ctx: PageContext, path: string, agencies: readonly string[], chosen: string | undefined): Html {
  if (agencies.length === 0) return html`<p>${ctx.t('published.noAgencies')}</p>`;
  return html`<nav aria-label="${ctx.t('public.agency')}">
    <p>${ctx.t('published.chooseAgency')}</p>
    <ul class="inline">
      ${agencies.map(
        (a) =>
          html`<li>
            <a href="${hrefWith(path, { agency: a })}" ${a === chosen ? html`aria-current="page"` : ''}
              >${agencyName(ctx, a)}</a
            >
          </li>`,
      )}
    </ul>
  </nav>`;
}

type Listed = Awaited<ReturnType<PublishedReads['list']>>['items'][number];

/** An agency's documents of a kind, their publication times in its time (`offset` minutes east of UTC). */
function listTable(
  ctx: PageContext,
  kind: PublishedKind,
  agency: string,
  items: readonly Listed[],
  offset: number,
): Html {
  if (items.length === 0) return html`<p>${ctx.t('public.none')}</p>`;
  const columns = LIST_COLUMNS[kind];
  return html`<div class="table-wrap">
    <table>
      <thead>
        <tr>
          <th scope="col">
            ${ctx.t(kind === 'flow-charts' || kind === 'service-guides' ? 'published.item' : 'published.id')}
          </th>
          ${columns.map((c) => html`<th scope="col">${fieldLabel(ctx, c)}</th>`)}
          <th scope="col">${ctx.t('published.version')}</th>
          <th scope="col">${ctx.t('published.publishedAt')}</th>
        </tr>
      </thead>
      <tbody>
        ${items.map(
          (d) =>
            html`<tr>
              <th scope="row"><a href="${publishedHref(kind, agency, d.id)}">${d.id}</a></th>
              ${columns.map((c) => html`<td>${fieldText(ctx, c, (d.document as Record<string, unknown>)[c])}</td>`)}
              <td>${d.version}</td>
              <td>${localMinuteWithOffset(d.publishedAt, offset)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

type HistoryLine = NonNullable<Awaited<ReturnType<PublishedReads['document']>>>['history'][number];

function history(
  ctx: PageContext,
  kind: PublishedKind,
  agency: string,
  docId: string,
  lines: readonly HistoryLine[],
  shown: number,
  local: (instant: string) => string,
): Html {
  return html`<section aria-labelledby="history">
    <h2 id="history">${ctx.t('published.history')}</h2>
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">${ctx.t('published.version')}</th>
            <th scope="col">${ctx.t('published.publishedAt')}</th>
            <th scope="col">${ctx.t('published.changed')}</th>
            <th scope="col">${ctx.t('published.note')}</th>
            <th scope="col">${ctx.t('published.event')}</th>
          </tr>
        </thead>
        <tbody>
          ${lines.map(
            (v) =>
              html`<tr>
                <th scope="row">
                  ${
                    v.version === shown
                      ? html`<span aria-current="page">${ctx.t('published.versionN', { version: v.version })}</span>`
                      : html`<a href="${publishedHref(kind, agency, docId, v.version)}"
                          >${ctx.t('published.versionN', { version: v.version })}</a
                        >`
                  }
                </th>
                <td>${local(v.publishedAt)}</td>
                <td>
                  ${
                    v.changed.length === 0
                      ? ctx.t('published.firstVersion')
                      : v.changed.map((name) => fieldLabel(ctx, name)).join(enumerationSeparator(ctx))
                  }
                </td>
                <td>${v.note ?? '—'}</td>
                <td><code>${v.eventId}</code></td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </section>`;
}
