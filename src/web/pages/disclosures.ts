import type { Router } from 'express';
import { DECISION_TYPES } from '../../domain/case/acts.js';
import { MAX_SEARCH_CHARS, MAX_SEARCH_WORDS, searchText } from '../../app/public-reads.js';
import { InvalidQuery } from '../../errors.js';
import { disclosureFilter, disclosuresCursor, encodeDisclosuresCursor } from '../../http/public-api.js';
import { errorSummary, type FormError } from '../forms/fields.js';
import { html, type Html } from '../html.js';
import { pageContext, sendPage, type PageContext } from '../layout.js';
import { disclosureHref } from '../links.js';
import { agencyName, bracketed, colon, localDate } from './labels.js';
import {
  decisionCards,
  formQuery,
  hrefWith,
  label,
  pageSize,
  pager,
  select,
  type PublicPagesDependencies,
} from './public-parts.js';

const CATEGORIES = ['penalty', 'licensing', 'coercive', 'inspection', 'levy', 'other'] as const;

/** The disclosure pages' filters, in the order of the form (and of the links the pages make). */
const FILTERS = ['q', 'agency', 'itemCode', 'category', 'decisionType', 'from', 'to', 'limit'] as const;

/**
 * `/` and `/disclosures`: the latest published decisions, and the whole list with the API's filters (agency, item,
 * category, decision type, publication dates, search) and cursor paging; both read `PublicReads.disclosures`, as
 * `GET /v1/disclosures` does, and parse the filters with the same function.
 */
export function registerDisclosureList(router: Router, deps: PublicPagesDependencies): void {
  router.get('/', deps.limited, async (req, res) => {
    const ctx = pageContext(req, res, deps.assets);
    const latest = await deps.publicReads.disclosures({}, 10, {});
    sendPage(res, ctx, { title: ctx.t('home.title'), main: home(ctx, latest.items) });
  });

  router.get('/disclosures', deps.limited, async (req, res) => {
    const ctx = pageContext(req, res, deps.assets);
    const params = withoutControls(formQuery(req));
    const catalogue = await deps.publicReads.catalogue();
    let filter: ReturnType<typeof disclosureFilter>;
    try {
      filter = disclosureFilter({ query: params });
    } catch (err) {
      if (!(err instanceof InvalidQuery)) throw err;
      // the form comes back as filled in, with what is wrong at the field at fault: no results until it is put right
      sendPage(res, ctx, {
        title: ctx.t('disclosures.title'),
        status: 400,
        main: html`<h1>${ctx.t('disclosures.title')}</h1>
          <p class="lead">${ctx.t('disclosures.lead')}</p>
          ${errorSummary(ctx, { values: {}, error: filterError(ctx, err.message) })}
          ${filterForm(ctx, params, catalogue)}`,
      });
      return;
    }
    const page = await deps.publicReads.disclosures(filter, pageSize(params), disclosuresCursor(params.cursor));
    const kept = Object.fromEntries(FILTERS.filter((f) => params[f]).map((f) => [f, params[f]!]));
    const cursor = params.cursor;
    const { limit: _limit, ...feedFilters } = kept;
    const feed = hrefWith('/v1/disclosures/feed.atom', feedFilters);
    sendPage(res, ctx, {
      title: ctx.t('disclosures.title'),
      feed,
      main: html`<h1>${ctx.t('disclosures.title')}</h1>
        <p class="lead">${ctx.t('disclosures.lead')}</p>
        ${filterForm(ctx, params, catalogue)}
        <section aria-labelledby="results">
          <h2 id="results">${ctx.t('public.results')}</h2>
          ${
            page.items.length === 0
              ? html`<p>${ctx.t('public.none')}</p>
                  ${params.q && html`<p class="muted">${ctx.t('public.noneByName')}</p>`}`
              : decisionCards(ctx, page.items)
          }
          ${page.withdrawals.length > 0 && withdrawals(ctx, page.withdrawals, deps.utcOffsetOf)}
          ${pager(
            ctx,
            '/disclosures',
            { ...kept, ...(cursor ? { cursor } : {}) },
            page.next && encodeDisclosuresCursor(page.next),
          )}
        </section>
        <p><a href="${feed}" type="application/atom+xml">${ctx.t('disclosures.feed')}</a></p>`,
    });
  });
}

function home(ctx: PageContext, latest: Parameters<typeof decisionCards>[1]): Html {
  const sections = [
    ['/agencies', 'nav.agencies', 'home.agenciesLead'],
    ['/officers', 'nav.officers', 'home.officersLead'],
    ['/items', 'nav.items', 'home.itemsLead'],
    ['/statistics', 'nav.statistics', 'home.statisticsLead'],
    ['/verify', 'nav.verify', 'home.verifyLead'],
  ] as const;
  return html`<h1>${ctx.t('site.name')}</h1>
    <p class="lead">${ctx.t('site.tagline')}</p>
    <form class="filters" method="get" action="/disclosures" role="search">
      <label
        >${ctx.t('home.search')}
        <input type="search" name="q" maxlength="100" placeholder="${ctx.t('home.searchHint')}" />
      </label>
      <button type="submit">${ctx.t('public.search')}</button>
    </form>
    <section aria-labelledby="latest">
      <h2 id="latest">${ctx.t('home.latest')}</h2>
      ${latest.length === 0 ? html`<p>${ctx.t('home.none')}</p>` : decisionCards(ctx, latest)}
      <p>
        <a href="/disclosures">${ctx.t('home.allDisclosures')}</a> ·
        <a href="/v1/disclosures/feed.atom" type="application/atom+xml">${ctx.t('home.feed')}</a>
      </p>
    </section>
    <section aria-labelledby="sections">
      <h2 id="sections">${ctx.t('home.sections')}</h2>
      <ul class="cards">
        ${sections.map(
          ([href, name, lead]) => html`<li><a href="${href}">${ctx.t(name)}</a> <span>${ctx.t(lead)}</span></li>`,
        )}
      </ul>
    </section>`;
}

function filterForm(
  ctx: PageContext,
  params: Record<string, string>,
  catalogue: { agencies: readonly string[]; items: readonly { code: string; name: string }[] },
): Html {
  return html`<form
    class="filters"
    method="get"
    action="/disclosures"
    role="search"
    aria-label="${ctx.t('public.filters')}"
  >
    <label
      >${ctx.t('public.search')}
      <input
        id="f-q"
        type="search"
        name="q"
        maxlength="100"
        value="${params.q ?? ''}"
        placeholder="${ctx.t('home.searchHint')}"
    /></label>
    ${select(
      ctx,
      'agency',
      'public.agency',
      catalogue.agencies.map((a) => ({ value: a, text: agencyName(ctx, a) })),
      params.agency,
    )}
    ${select(
      ctx,
      'itemCode',
      'public.item',
      catalogue.items.map((i) => ({ value: i.code, text: bracketed(ctx, i.name, i.code) })),
      params.itemCode,
    )}
    ${select(
      ctx,
      'category',
      'public.category',
      CATEGORIES.map((c) => ({ value: c, text: label(ctx, 'category', c) })),
      params.category,
    )}
    ${select(
      ctx,
      'decisionType',
      'public.decisionType',
      DECISION_TYPES.map((d) => ({ value: d, text: label(ctx, 'decisionType', d) })),
      params.decisionType,
    )}
    <label>${ctx.t('public.from')} <input type="date" id="f-from" name="from" value="${params.from ?? ''}" /></label>
    <label>${ctx.t('public.to')} <input type="date" id="f-to" name="to" value="${params.to ?? ''}" /></label>
    <button type="submit">${ctx.t('public.apply')}</button>
    <a href="/disclosures">${ctx.t('public.reset')}</a>
  </form>`;
}

/**
 * What is wrong with the filters, in the reader's words, and the field at fault: from the message of the
 * `InvalidQuery` the API's own parsing gives (`disclosureFilter`), so the page and `GET /v1/disclosures` refuse alike.
 */
function filterError(ctx: PageContext, message: string): FormError {
  if (message === 'from must not be after to') return { message: ctx.t('disclosures.filter.dates'), field: 'from' };
  const date = /^(from|to) must be a date/.exec(message);
  if (date) return { message: ctx.t('disclosures.filter.date'), field: date[1]! };
  if (message === `q must be at most ${MAX_SEARCH_WORDS} words`) {
    return { message: ctx.t('disclosures.filter.words', { max: String(MAX_SEARCH_WORDS) }), field: 'q' };
  }
  if (message === `q must be at most ${MAX_SEARCH_CHARS} characters`) {
    return { message: ctx.t('disclosures.filter.length', { max: String(MAX_SEARCH_CHARS) }), field: 'q' };
  }
  return { message: ctx.t('disclosures.filter.other') };
}

/** The withdrawal notices, each dated by the calendar of its agency (`utcOffsetOf`, minutes east of UTC). */
function withdrawals(
  ctx: PageContext,
  items: readonly { caseId: string; agency: string; documentNo: string; withdrawnAt: string; reason: string }[],
  utcOffsetOf: (agency: string) => number,
): Html {
  return html`<h3>${ctx.t('disclosures.withdrawals')}</h3>
    <ul class="cards">
      ${items.map(
        (w) =>
          html`<li>
            <a href="${disclosureHref(w)}">${w.documentNo}</a>
            <span class="muted"
              >${ctx.t('disclosures.withdrawnAt')} ${localDate(w.withdrawnAt, utcOffsetOf(w.agency))}</span
            >
            <span>${ctx.t('disclosures.reason')}${colon(ctx)}${w.reason}</span>
          </li>`,
      )}
    </ul>`;
}

/** The query with its search's control characters taken out (`searchText`), so the page never shows them. */
function withoutControls(params: Record<string, string>): Record<string, string> {
  const { q, ...rest } = params;
  const text = q === undefined ? '' : searchText(q).trim();
  return text === '' ? rest : { ...rest, q: text };
}
