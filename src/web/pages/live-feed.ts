import { ACT_TYPES } from '../../domain/case/acts.js';
import { html, jsonScript, type Html } from '../html.js';
import type { PageContext } from '../layout.js';
import { agencyName, brackets, label } from './labels.js';

/**
 * The dashboard's live feed: an empty list (`aria-live="polite"`) that `dashboard.js` fills from `/supervise/live`,
 * with the act types' names in the reader's language for it, and the minutes east of UTC of each agency whose acts
 * it shows (`utcOffsets`), in whose local time it shows an act's time, and by whose names it names them; `people`
 * gives the names of each agency's officers, by which it names who recorded an act.
 */
export function liveSection(
  ctx: PageContext,
  utcOffsets: Readonly<Record<string, number>>,
  people: Readonly<Record<string, Readonly<Record<string, string>>>> = {},
): Html {
  const labels = Object.fromEntries(ACT_TYPES.map((type) => [type, label(ctx, 'act', type)]));
  const names = Object.fromEntries(Object.keys(utcOffsets).map((agency) => [agency, agencyName(ctx, agency)]));
  // who recorded an act, as the pages name people: 姓名（编号）, or the id alone when the officer list has no name
  const [open, close] = brackets(ctx);
  return html`<section aria-labelledby="live">
    <h2 id="live">${ctx.t('supervise.live')}</h2>
    ${jsonScript('act-labels', labels)} ${jsonScript('utc-offsets', utcOffsets)} ${jsonScript('agency-names', names)}
    ${jsonScript('person-names', { people, open, close })}
    <ol id="live-feed" class="feed" aria-live="polite" aria-relevant="additions" data-src="/supervise/live">
      <li class="muted" id="live-waiting">${ctx.t('supervise.live.waiting')}</li>
    </ol>
    <noscript><p class="muted">${ctx.t('supervise.live.noscript')}</p></noscript>
  </section>`;
}
