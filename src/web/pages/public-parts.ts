import type { Request, RequestHandler } from 'express';
import { InvalidQuery } from '../../errors.js';
import type { PublicReads } from '../../app/public-reads.js';
import type { PublishedReads } from '../../app/published-reads.js';
import type { DiscretionReads } from '../../app/discretion-reads.js';
import { limitOf } from '../../http/query.js';
import type { PublicStatisticsReads } from '../../app/public-statistics.js';
import type { PortalAssets } from '../assets.js';
import { html, type Html } from '../html.js';
import type { MessageKey } from '../i18n.js';
import type { PageContext } from '../layout.js';
import { disclosureHref } from '../links.js';
import { agencyName, enumerationSeparator, label, shownName, yuan } from './labels.js';

export { label, yuan };

/** What the public pages read and how they are served. */
export interface PublicPagesDependencies {
  readonly publicReads: PublicReads;
  readonly statistics: PublicStatisticsReads;
  /** The public routes' rate limit, shared with the public API. */
  readonly limited: RequestHandler;
  /** Minutes east of UTC of an agency's local time, in which the pages show the times of its records. */
  readonly utcOffsetOf: (agency: string) => number;
  readonly assets: PortalAssets;
  /** What agencies publish before enforcement (without it, the portal has no `/published` pages). */
  readonly published?: PublishedReads;
  /** The discretion benchmarks (裁量基准), published at `/benchmarks` when given. */
  readonly discretion?: Pick<DiscretionReads, 'benchmarks' | 'history'>;
}

/** Items on one page of the public lists, unless `?limit=` (1 to {@link MAX_PAGE_SIZE}) says otherwise. */
export const PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** `?limit=` of a list page, as the API reads it, with the pages' default and bound. */
export function pageSize(params: Record<string, string>): number {
  return limitOf(params.limit, { max: MAX_PAGE_SIZE, fallback: PAGE_SIZE });
}

/**
 * A page's query parameters as the filter forms send them: one value each, empty fields left out (a form sends
 * every field, the API refuses an empty value), `lang` left to the language switch.
 */
export function formQuery(req: Request): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.query)) {
    if (name === 'lang' || value === '' || value === undefined) continue;
    // a parameter given twice (`?q=a&q=b`) means nothing one value could: refused, as the API refuses it
    if (typeof value !== 'string') throw new InvalidQuery(`${name} must be given once`, { parameter: name });
    // nor does one written as a list or a map (`?agency[]=x`, `?q[a]=1`): refused, never taken as no filter at all
    const bracket = name.indexOf('[');
    if (bracket > 0) {
      const parameter = name.slice(0, bracket);
      throw new InvalidQuery(`${parameter} is one plain value, not ${name}`, { parameter });
    }
    query[name] = value;
  }
  return query;
}

/** A link to `path` with these parameters (in this order), the empty ones left out. */
export function hrefWith(path: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) query.set(name, value);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** A `<select>` of a filter form: the first option is "all". */
export function select(
  ctx: PageContext,
  name: string,
  labelKey: MessageKey,
  options: readonly { readonly value: string; readonly text: string }[],
  chosen: string | undefined,
  /** Whether "any" (全部) is a choice: not on a page that shows one agency at a time. */
  any = true,
): Html {
  return html`<label
    >${ctx.t(labelKey)}
    <select name="${name}">
      ${any && html`<option value="">${ctx.t('public.any')}</option>`}
      ${options.map(
        (o) => html`<option value="${o.value}" ${o.value === chosen ? html`selected` : ''}>${o.text}</option>`,
      )}
    </select></label
  >`;
}

/** The filter form of a page about one agency at a time: a choice of the public lists' agencies and "apply". */
export function agencyFilter(
  ctx: PageContext,
  action: string,
  agencies: readonly string[],
  chosen: string | undefined,
): Html {
  return html`<form class="filters" method="get" action="${action}" aria-label="${ctx.t('public.filters')}">
    ${select(
      ctx,
      'agency',
      'public.agency',
      agencies.map((a) => ({ value: a, text: agencyName(ctx, a) })),
      chosen,
      false,
    )}
    <button type="submit">${ctx.t('public.apply')}</button>
  </form>`;
}

/**
 * A page that shows one agency at a time asked for an agency the public lists do not know and that has published
 * nothing of the page's kind: the 404 page, with the agency choice to pick a known one.
 */
export function unknownAgencyPage(
  ctx: PageContext,
  action: string,
  agencies: readonly string[],
  agency: string,
  title: string,
) {
  return {
    status: 404,
    title,
    main: html`<h1>${title}</h1>
      ${agencyFilter(ctx, action, agencies, undefined)}
      <p>${ctx.t('public.unknownAgency', { agency })}</p>`,
  };
}

/**
 * The pager of a list: the next page (when there is one) and, past the first page, the way back to it. A page with
 * two lists gives the second its own cursor parameter and its own label for the navigation.
 */
export function pager(
  ctx: PageContext,
  path: string,
  params: Record<string, string>,
  next?: string,
  list: { readonly cursor?: string; readonly label?: MessageKey } = {},
): Html {
  const name = list.cursor ?? 'cursor';
  const { [name]: cursor, ...rest } = params;
  const links = [
    cursor !== undefined && html`<a href="${hrefWith(path, rest)}">${ctx.t('public.first')}</a>`,
    next !== undefined &&
      html`<a rel="next" href="${hrefWith(path, { ...rest, [name]: next })}">${ctx.t('public.next')}</a>`,
  ].filter(Boolean);
  const label = ctx.t(list.label ?? 'public.results');
  return links.length ? html`<nav class="pager" aria-label="${label}">${links}</nav>` : html``;
}

/** A published decision as the lists show it. */
export interface ListedDecision {
  readonly caseId: string;
  readonly agency: string;
  readonly itemCode: string;
  readonly itemName?: string;
  readonly decisionType?: string;
  readonly fineFen?: number;
  readonly documentNo: string;
  readonly publishedOn: string;
  readonly parties: readonly { readonly kind: string; readonly name: string }[];
}

/** Published decisions as cards: the document number links to the decision's page. */
export function decisionCards(ctx: PageContext, items: readonly ListedDecision[]): Html {
  return html`<ul class="cards">
    ${items.map(
      (d) =>
        html`<li>
          <a href="${disclosureHref(d)}">${d.documentNo}</a>
          <span>${d.itemName ?? d.itemCode}</span>
          <br />
          <span class="muted"
            >${d.decisionType !== undefined && label(ctx, 'decisionType', d.decisionType)}${d.fineFen !== undefined && d.fineFen > 0 && ` · ${yuan(d.fineFen)}`}</span
          >
          <span class="muted">${d.parties.map((p) => shownName(ctx, p.name)).join(enumerationSeparator(ctx))}</span>
          <span class="muted">${agencyName(ctx, d.agency)} · ${ctx.t('disclosures.publishedOn')} ${d.publishedOn}</span>
        </li>`,
    )}
  </ul>`;
}
