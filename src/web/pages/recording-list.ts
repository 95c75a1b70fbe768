import type { RequestHandler, Router } from 'express';
import type { PublicReads } from '../../app/public-reads.js';
import type { RecordingReads } from '../../app/recording-reads.js';
import type { RecordingDuty } from '../../domain/case/rules.js';
import type { RecordingListEntry } from '../../domain/registry/recording-list.js';
import { id } from '../../http/query.js';
import type { PortalAssets } from '../assets.js';
import { html, type Html } from '../html.js';
import { pageContext, sendPage, type PageContext } from '../layout.js';
import { agencyName, bracketed, enumerationSeparator, label, localDate, localMinuteWithOffset } from './labels.js';
import { agencyFilter, formQuery, unknownAgencyPage } from './public-parts.js';
import { dataTable } from './data-table.js';

export interface RecordingListPageDependencies {
  readonly recordings: RecordingReads;
  readonly publicReads: Pick<PublicReads, 'catalogue'>;
  readonly limited: RequestHandler;
  /** Minutes east of UTC of an agency's local time, in which the versions' times are shown. */
  readonly utcOffsetOf: (agency: string) => number;
  readonly assets: PortalAssets;
}

/**
 * `/recording-list`: an agency's list of acts recorded on audio or video (音像记录事项清单, 二(二)1), as
 * `GET /v1/agencies/{agency}/recording-list` answers it: the floors, the agency's entries (or the default duties), and the
 * versions. The agency is chosen in a form; the first agency of the public lists when none is. An agency the public
 * lists do not know and without a list of its own is the 404 page.
 */
export function registerRecordingListPage(router: Router, deps: RecordingListPageDependencies): void {
  router.get('/recording-list', deps.limited, async (req, res) => {
    const ctx = pageContext(req, res, deps.assets);
    const params = formQuery(req);
    const { agencies } = await deps.publicReads.catalogue();
    const agency = id(params.agency, 'agency') ?? agencies[0];
    const list = agency === undefined ? undefined : await deps.recordings.list(agency);
    if (agency !== undefined && list?.version === 0 && !agencies.includes(agency)) {
      sendPage(res, ctx, unknownAgencyPage(ctx, '/recording-list', agencies, agency, ctx.t('recordingList.title')));
      return;
    }
    sendPage(res, ctx, {
      title: ctx.t('recordingList.title'),
      main: html`<h1>${ctx.t('recordingList.title')}</h1>
        <p class="lead">${ctx.t('recordingList.lead')}</p>
        ${agencyFilter(ctx, '/recording-list', agencies, agency)}
        ${list ? listSections(ctx, list, deps.utcOffsetOf(list.agency)) : html`<p>${ctx.t('public.none')}</p>`}`,
    });
  });
}

type List = Awaited<ReturnType<RecordingReads['list']>>;

/** The list of an agency: its versions' times (recorded in UTC) in its time, `offset` minutes east of UTC. */
function listSections(ctx: PageContext, list: List, offset: number): Html {
  const current =
    list.version === 0
      ? html`<p>${ctx.t('recordingList.none')}</p>
          ${dutiesTable(ctx, list.defaultDuties ?? [])}`
      : html`<p>
            ${ctx.t('recordingList.version', {
              version: list.version,
              publishedAt: localDate(list.publishedAt ?? '', offset),
              reason: list.reason ?? '',
            })}
          </p>
          ${entriesTable(ctx, list.entries)}`;
  return html`<section aria-labelledby="floors-heading">
      <h2 id="floors-heading">${ctx.t('recordingList.floorsTitle')}</h2>
      <p>${ctx.t('recordingList.floorsLead')}</p>
      ${dutiesTable(ctx, list.floors)}
    </section>
    <section aria-labelledby="entries-heading">
      <h2 id="entries-heading">${ctx.t('recordingList.entriesTitle')} · ${agencyName(ctx, list.agency)}</h2>
      ${current}
    </section>
    ${
      list.history.length === 0
        ? ''
        : html`<section aria-labelledby="history-heading">
            <h2 id="history-heading">${ctx.t('recordingList.historyTitle')}</h2>
            ${dataTable(
              ctx,
              [
                'recordingList.versionNo',
                'recordingList.publishedAt',
                'recordingList.reason',
                'recordingList.entryCount',
              ],
              [...list.history]
                .reverse()
                .map((h) => [
                  String(h.version),
                  localMinuteWithOffset(h.publishedAt, offset),
                  h.reason,
                  String(h.entries),
                ]),
            )}
          </section>`
    }`;
}

const actText = (ctx: PageContext, duty: RecordingDuty): string => {
  const act = label(ctx, 'act', duty.actType);
  if (duty.serviceMethods === undefined) return act;
  const methods = duty.serviceMethods.map((m) => label(ctx, 'form.serviceMethod', m)).join(enumerationSeparator(ctx));
  return bracketed(ctx, act, ctx.t('recordingList.methods', { methods }));
};

function dutiesTable(ctx: PageContext, duties: readonly RecordingDuty[]): Html {
  return dataTable(
    ctx,
    ['recordingList.act', 'recordingList.method'],
    duties.map((d) => [actText(ctx, d), label(ctx, 'recordingMethod', d.method)]),
  );
}

function entriesTable(ctx: PageContext, entries: readonly RecordingListEntry[]): Html {
  return dataTable(
    ctx,
    [
      'recordingList.act',
      'recordingList.items',
      'recordingList.content',
      'recordingList.keyStages',
      'recordingList.method',
      'recordingList.place',
    ],
    entries.map((e) => [
      actText(ctx, e),
      e.itemCodes?.join(enumerationSeparator(ctx)) ?? ctx.t('recordingList.allItems'),
      e.content,
      e.keyStages.join(enumerationSeparator(ctx)) || '—',
      label(ctx, 'recordingMethod', e.method),
      e.place,
    ]),
  );
}
