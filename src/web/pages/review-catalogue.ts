import type { RequestHandler, Router } from 'express';
import type { PublicReads } from '../../app/public-reads.js';
import type { ReviewCatalogueService } from '../../app/review-catalogue.js';
import type { CatalogueEntry } from '../../domain/registry/review-catalogue.js';
import { id } from '../../http/query.js';
import type { PortalAssets } from '../assets.js';
import { html, type Html } from '../html.js';
import { pageContext, sendPage, type PageContext } from '../layout.js';
import { dataTable } from './data-table.js';
import { agencyName, enumerationSeparator, label, localMinuteWithOffset, yuan } from './labels.js';
import { agencyFilter, formQuery, hrefWith, unknownAgencyPage } from './public-parts.js';

export interface ReviewCataloguePageDependencies {
  readonly catalogues: Pick<ReviewCatalogueService, 'catalogue'>;
  readonly publicReads: Pick<PublicReads, 'catalogue'>;
  readonly limited: RequestHandler;
  /** Minutes east of UTC of an agency's local time, in which the versions' times are shown. */
  readonly utcOffsetOf: (agency: string) => number;
  readonly assets: PortalAssets;
}

export const REVIEW_CATALOGUE_PATH = '/published/review-catalogue';
const VERSION = /^[1-9][0-9]{0,8}$/;

type Catalogue = Awaited<ReturnType<ReviewCatalogueService['catalogue']>>;
type Version = Catalogue['history'][number];

/**
 * `/published/review-catalogue`: an agency's catalogue of major decisions needing legal review
 * (重大执法决定法制审核目录清单, 二(三)4), as `GET /v1/agencies/{agency}/review-catalogue` answers it: the version in
 * force, its entries, and every version (`?version=` shows a past one; a version it does not have is the 404 page,
 * which says which versions there are). The agency is chosen in a form; the first agency of the public lists when none
 * is; an agency the public lists do not know and without a catalogue of its own is the 404 page.
 */
export function registerReviewCataloguePage(router: Router, deps: ReviewCataloguePageDependencies): void {
  router.get(REVIEW_CATALOGUE_PATH, deps.limited, async (req, res) => {
    const ctx = pageContext(req, res, deps.assets);
    const params = formQuery(req);
    const { agencies } = await deps.publicReads.catalogue();
    const agency = id(params.agency, 'agency') ?? agencies[0];
    const catalogue = agency === undefined ? undefined : await deps.catalogues.catalogue(agency);
    if (agency !== undefined && catalogue?.version === 0 && !agencies.includes(agency)) {
      sendPage(res, ctx, unknownAgencyPage(ctx, REVIEW_CATALOGUE_PATH, agencies, agency, ctx.t('catalogue.title')));
      return;
    }
    const asked = params.version === undefined ? undefined : VERSION.test(params.version) ? Number(params.version) : 0;
    if (asked !== undefined && !catalogue?.history.some((v) => v.version === asked)) {
      sendPage(res, ctx, noSuchVersion(ctx, agency, catalogue?.version ?? 0));
      return;
    }
    sendPage(res, ctx, {
      title: ctx.t('catalogue.title'),
      main: html`<h1>${ctx.t('catalogue.title')}</h1>
        <p class="lead">${ctx.t('catalogue.lead')}</p>
        ${agencyFilter(ctx, REVIEW_CATALOGUE_PATH, agencies, agency)}
        ${catalogue ? sections(ctx, catalogue, asked, deps.utcOffsetOf(catalogue.agency)) : html`<p>${ctx.t('public.none')}</p>`}`,
    });
  });
}

/** A version the agency's catalogue does not have: the 404 page, saying which versions there are. */
function noSuchVersion(ctx: PageContext, agency: string | undefined, latest: number) {
  const title = ctx.t('catalogue.noSuchVersion');
  return {
    status: 404,
    title,
    main: html`<h1>${title}</h1>
      <p>${latest === 0 ? ctx.t('catalogue.noVersions') : ctx.t('catalogue.versionsAre', { latest })}</p>
      <p>
        <a href="${hrefWith(REVIEW_CATALOGUE_PATH, { agency })}"
          >${ctx.t(latest === 0 ? 'catalogue.title' : 'catalogue.showCurrent')}</a
        >
      </p>`,
  };
}

/** The catalogue of an agency: when each version came into force (recorded in UTC) in its time, `offset` east of UTC. */
function sections(ctx: PageContext, catalogue: Catalogue, asked: number | undefined, offset: number): Html {
  if (catalogue.version === 0) return html`<p>${ctx.t('catalogue.none')}</p>`;
  const shown = catalogue.history.find((v) => v.version === asked) ?? catalogue.history.at(-1)!;
  const current = shown.version === catalogue.version;
  const params = {
    version: shown.version,
    inForceFrom: localMinuteWithOffset(shown.inForceFrom, offset),
    level: label(ctx, 'level', shown.level),
    reason: shown.reason,
  };
  return html`<section aria-labelledby="entries-heading">
      <h2 id="entries-heading">${ctx.t('catalogue.entriesTitle')} · ${agencyName(ctx, catalogue.agency)}</h2>
      <p>${ctx.t(current ? 'catalogue.current' : 'catalogue.shown', params)}</p>
      ${
        current
          ? ''
          : html`<p>
              <a href="${hrefWith(REVIEW_CATALOGUE_PATH, { agency: catalogue.agency })}"
                >${ctx.t('catalogue.showCurrent')}</a
              >
            </p>`
      }
      <p>${ctx.t('catalogue.rule')}</p>
      ${shown.entries.length === 0 ? html`<p>${ctx.t('catalogue.noEntries')}</p>` : entriesTable(ctx, shown.entries)}
    </section>
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">${ctx.t('catalogue.historyTitle')}</h2>
      ${historyTable(ctx, catalogue.agency, catalogue.history, offset)}
    </section>`;
}

const anyOr = (ctx: PageContext, values: readonly string[] | undefined, text: (v: string) => string): string =>
  values === undefined ? ctx.t('catalogue.any') : values.map(text).join(enumerationSeparator(ctx));

function entriesTable(ctx: PageContext, entries: readonly CatalogueEntry[]): Html {
  return dataTable(
    ctx,
    [
      'catalogue.entryId',
      'catalogue.description',
      'catalogue.decisionTypes',
      'catalogue.itemCategories',
      'catalogue.levels',
      'catalogue.fields',
      'catalogue.amount',
    ],
    entries.map((e) => [
      e.entryId,
      e.description,
      anyOr(ctx, e.decisionTypes, (v) => label(ctx, 'decision', v)),
      anyOr(ctx, e.itemCategories, (v) => label(ctx, 'category', v)),
      anyOr(ctx, e.levels, (v) => label(ctx, 'level', v)),
      anyOr(ctx, e.fields, (v) => v),
      e.amountFenAtLeast === undefined ? ctx.t('catalogue.any') : yuan(e.amountFenAtLeast),
    ]),
  );
}

function historyTable(ctx: PageContext, agency: string, history: readonly Version[], offset: number): Html {
  return dataTable(
    ctx,
    ['catalogue.version', 'catalogue.inForceFrom', 'catalogue.reason', 'catalogue.entryCount'],
    [...history].reverse().map(
      (v) =>
        html`<tr>
          <td>
            <a href="${hrefWith(REVIEW_CATALOGUE_PATH, { agency, version: String(v.version) })}"
              >${ctx.t('published.versionN', { version: v.version })}</a
            >
          </td>
          <td>${localMinuteWithOffset(v.inForceFrom, offset)}</td>
          <td>${v.reason}</td>
          <td>${String(v.entries.length)}</td>
        </tr>`,
    ),
  );
}
