import type { Principal } from '../../app/auth.js';
import type { SupervisionReads } from '../../app/supervision-reads.js';
import { html, type Html } from '../html.js';
import type { MessageKey } from '../i18n.js';
import type { PageContext } from '../layout.js';
import { caseHref } from '../links.js';
import { barChart } from './chart.js';
import { agencySelect, withAgency } from './supervision-screen.js';
import { qualityLinks } from './quality.js';
import { liveSection } from './live-feed.js';
import { agencyName, bracketed, label, listSeparator, localDate, yuan, yuanNumber } from './labels.js';
import { columnTable, dataTable, type TableColumn } from './data-table.js';
import { overdueReviewsSection, type OverdueReviews } from './supervise-reviews.js';

type Reads = SupervisionReads;

/** What the dashboard shows: the supervision views' answers, each as the API's `/v1/audit/*` gives it. */
export interface Dashboard {
  readonly agencies: readonly string[];
  readonly agency?: string;
  readonly year: number;
  readonly overdue: Awaited<ReturnType<Reads['overdueDisclosures']>>;
  readonly overdueReviews: OverdueReviews;
  readonly missing: Awaited<ReturnType<Reads['missingRecordings']>>;
  readonly major: Awaited<ReturnType<Reads['majorDecisions']>>;
  readonly certificates: Awaited<ReturnType<Reads['certificates']>>;
  readonly ratio: Awaited<ReturnType<Reads['reviewerRatio']>>;
  readonly monthly: Awaited<ReturnType<Reads['monthly']>>;
  /** Minutes east of UTC of an agency's local time: its acts are dated by its calendar. */
  readonly utcOffsetOf: (agency: string) => number;
  /** The names on each agency's officer list, by id: the live feed names who recorded an act by them. */
  readonly people?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** A count, with `+` when the list has more than its first page. */
const countOf = (page: { items: readonly unknown[]; next?: string }) =>
  `${page.items.length}${page.next === undefined ? '' : '+'}`;

function counter(ctx: PageContext, href: string, value: string | number, key: MessageKey): Html {
  return html`<li>
    <a href="${href}"><strong>${value}</strong> <span>${ctx.t(key)}</span></a>
  </li>`;
}

/** The supervision dashboard (执法监督): counters, lists, monthly charts and the live feed of the acts. */
export function superviseMain(ctx: PageContext, principal: Principal, d: Dashboard): Html {
  const certs = d.certificates;
  const short = d.ratio.items.filter((r) => !r.meets).length;
  return html`<h1>${ctx.t('nav.supervise')}</h1>
    <form class="filters" method="get" action="/supervise">
      ${agencySelect(ctx, d.agencies, d.agency)}
      <label for="f-year">${ctx.t('supervise.year')}</label>
      <input id="f-year" name="year" type="text" inputmode="numeric" value="${d.year}" size="6" />
      <button type="submit">${ctx.t('supervise.show')}</button>
    </form>
    <p class="muted">${ctx.t('supervise.asOf', { asOf: d.overdue.asOf, who: principal.sub })}</p>
    <p><a href="${withAgency('/supervise/applications', d.agency)}">${ctx.t('apply.overdue.link')}</a></p>
    ${qualityLinks(ctx, d.year, d.agency)}
    <ul class="counters">
      ${counter(ctx, '#overdue', countOf(d.overdue), 'supervise.overdue')}
      ${counter(ctx, '#overdue-reviews', countOf(d.overdueReviews), 'supervise.overdueReviews')}
      ${counter(ctx, '#missing', countOf(d.missing), 'supervise.missing')}
      ${counter(ctx, '#major', countOf(d.major), 'supervise.major')}
      ${counter(ctx, '#certificates', certs.expiring.length + certs.expired.length, 'supervise.certificates')}
      ${counter(ctx, '#ratio', short, 'supervise.ratioShort')}
    </ul>
    <p><a href="${withAgency('/supervise/devices', d.agency)}">${ctx.t('devices.title')}</a></p>
    <p><a href="${withAgency('/supervise/retention', d.agency)}">${ctx.t('retention.link')}</a></p>
    <p><a href="${withAgency('/supervise/inspections', d.agency)}">${ctx.t('inspections.overdue.link')}</a></p>
    ${liveSection(ctx, Object.fromEntries(d.agencies.map((a) => [a, d.utcOffsetOf(a)])), d.people)}
    ${overdueSection(ctx, d)} ${overdueReviewsSection(ctx, d.overdueReviews, d.agency)} ${missingSection(ctx, d)}
    ${majorSection(ctx, d)} ${certificatesSection(ctx, d)} ${ratioSection(ctx, d)} ${chartSection(ctx, d)}`;
}

const caseLink = (c: { agency: string; caseId: string }) => html`<a href="${caseHref(c)}">${c.caseId}</a>`;

/** The supervision lists shown in full, a page at a time, at `/supervise/lists/{list}`. */
export type SupervisionList = 'overdue-disclosures' | 'overdue-reviews' | 'missing-recordings' | 'major-decisions';

export const supervisionListHref = (list: SupervisionList, agency?: string): string =>
  `/supervise/lists/${list}${agency === undefined ? '' : `?agency=${encodeURIComponent(agency)}`}`;

/**
 * Under a list of the dashboard: the way to the whole list, with its paging and its CSV file (all of it when the
 * dashboard cut the list short; the same rows otherwise). Nothing under an empty list.
 */
export function allLink(
  ctx: PageContext,
  list: SupervisionList,
  page: { items: readonly unknown[]; next?: string },
  agency?: string,
): Html {
  if (page.items.length === 0) return html``;
  const text = page.next === undefined ? ctx.t('supervise.openList') : ctx.t('supervise.all', { count: countOf(page) });
  return html`<p>
    <a href="${supervisionListHref(list, agency)}">${text}</a>
  </p>`;
}

function overdueSection(ctx: PageContext, d: Dashboard): Html {
  return html`<section aria-labelledby="overdue">
    <h2 id="overdue">${ctx.t('supervise.overdue')}</h2>
    ${overdueDisclosuresTable(ctx, d.overdue.items)} ${allLink(ctx, 'overdue-disclosures', d.overdue, d.agency)}
  </section>`;
}

/** Days past the last day, with what was late: the publication, or only its recording. */
function daysCell(ctx: PageContext, o: Dashboard['overdue']['items'][number]): string {
  if (o.status === 'disclosed_late') return bracketed(ctx, `${o.daysOverdue}`, ctx.t('supervise.disclosedLate'));
  if (o.status === 'recorded_late') {
    return bracketed(ctx, `${o.daysOverdue}`, ctx.t('supervise.recordedLate', { on: o.recordedOn }));
  }
  return `${o.daysOverdue}`;
}

/** A row's case: its number, linked to its case file on the page. */
function caseColumn<T extends { agency: string; caseId: string }>(): TableColumn<T> {
  return { head: 'case.caseId', text: (c) => c.caseId, cell: caseLink };
}

/** A row's agency, by its name. */
function agencyColumn<T extends { agency: string }>(ctx: PageContext): TableColumn<T> {
  return { head: 'case.agency', text: (r) => agencyName(ctx, r.agency) };
}

type Overdue = Dashboard['overdue']['items'][number];

/** The columns of the decisions not published in time. */
export function overdueDisclosuresColumns(ctx: PageContext): TableColumn<Overdue>[] {
  return [
    caseColumn(),
    agencyColumn(ctx),
    { head: 'case.decision.decidedOn', text: (o) => o.decidedOn },
    { head: 'case.decision.dueBy', text: (o) => o.dueBy },
    { head: 'supervise.daysOverdue', text: (o) => daysCell(ctx, o) },
  ];
}

/** The decisions not published in time, as a table. */
export function overdueDisclosuresTable(ctx: PageContext, items: Dashboard['overdue']['items']): Html {
  return columnTable(
    ctx,
    overdueDisclosuresColumns(ctx),
    items.filter((o) => o !== undefined),
    'supervise.none',
  );
}

function missingSection(ctx: PageContext, d: Dashboard): Html {
  return html`<section aria-labelledby="missing">
    <h2 id="missing">${ctx.t('supervise.missing')}</h2>
    ${missingRecordingsTable(ctx, d.missing.items, d.utcOffsetOf)}
    ${allLink(ctx, 'missing-recordings', d.missing, d.agency)}
  </section>`;
}

/**
 * The cases whose acts lack the recording their duties require, as a table; each act dated by the calendar of its
 * case's agency (`utcOffsetOf`, minutes east of UTC), whatever offset its time was written with.
 */
export function missingRecordingsTable(
  ctx: PageContext,
  items: Dashboard['missing']['items'],
  utcOffsetOf: (agency: string) => number,
): Html {
  return columnTable(ctx, missingRecordingsColumns(ctx, utcOffsetOf), items, 'supervise.none');
}

/** The columns of the cases whose acts lack their recording: each act named and dated in its agency's calendar. */
export function missingRecordingsColumns(
  ctx: PageContext,
  utcOffsetOf: (agency: string) => number,
): TableColumn<Dashboard['missing']['items'][number]>[] {
  return [
    caseColumn(),
    agencyColumn(ctx),
    {
      head: 'supervise.acts',
      text: (m) =>
        m.acts
          .map((a) => `${label(ctx, 'act', a.type)} ${localDate(a.occurredAt, utcOffsetOf(m.agency))}`)
          .join(listSeparator(ctx)),
    },
  ];
}

function majorSection(ctx: PageContext, d: Dashboard): Html {
  return html`<section aria-labelledby="major">
    <h2 id="major">${ctx.t('supervise.major')}</h2>
    ${majorDecisionsTable(ctx, d.major.items)} ${allLink(ctx, 'major-decisions', d.major, d.agency)}
  </section>`;
}

/** The major decisions beside their reviews, as a table. */
export function majorDecisionsTable(ctx: PageContext, items: Dashboard['major']['items']): Html {
  return columnTable(
    ctx,
    majorDecisionsColumns(ctx),
    items.filter((m) => m !== undefined),
    'supervise.none',
  );
}

/** The columns of the major decisions: the decision, its reviews (each reviewer by name), whether one cleared it. */
export function majorDecisionsColumns(ctx: PageContext): TableColumn<Dashboard['major']['items'][number]>[] {
  return [
    caseColumn(),
    agencyColumn(ctx),
    {
      head: 'case.decision.type',
      text: (m) =>
        [label(ctx, 'decision', m.decision.decisionType), m.decision.fineFen > 0 ? yuan(m.decision.fineFen) : '']
          .filter((part) => part !== '')
          .join(' '),
      // in the spreadsheet, the type apart from the fine, a number of yuan it adds up
      sheet: [
        { head: 'case.decision.type', text: (m) => label(ctx, 'decision', m.decision.decisionType) },
        { head: 'quality.sheet.fineYuan', text: (m) => yuanNumber(m.decision.fineFen) },
      ],
    },
    { head: 'case.decision.decidedOn', text: (m) => m.decision.decidedOn },
    {
      head: 'case.reviews',
      // the reviewer by name (in brackets already: no id beside it), else by id
      // and who settled a disagreement, and who recorded the decision (责任追究 names each)
      text: (m) =>
        [
          ...m.reviews.map(
            (r) =>
              bracketed(
                ctx,
                label(ctx, 'review.outcome', r.outcome),
                ctx.personName?.(m.agency, r.reviewer) ?? r.reviewer,
              ) +
              (r.coordinator === undefined
                ? ''
                : ctx.t('supervise.coordinatedBy', {
                    name: ctx.personName?.(m.agency, r.coordinator) ?? r.coordinator,
                  })),
          ),
          ...(m.decision.recordedBy === undefined
            ? []
            : [
                ctx.t('supervise.decidedBy', {
                  name: ctx.personName?.(m.agency, m.decision.recordedBy) ?? m.decision.recordedBy,
                }),
              ]),
        ].join(listSeparator(ctx)),
    },
    {
      head: 'supervise.matched',
      text: (m) =>
        (m.clearedBy === 'coordination'
          ? bracketed(ctx, ctx.t('case.no'), ctx.t('supervise.clearedByCoordination'))
          : ctx.t(m.matchedApprovedReview ? 'case.yes' : 'case.no')) +
        // cleared for its type and amount, on a legal basis the review did not examine
        (m.legalBasisAsReviewed === false ? ctx.t('supervise.otherLegalBasis') : ''),
      className: (m) => (m.matchedApprovedReview && m.legalBasisAsReviewed !== false ? 'ok' : 'bad'),
    },
  ];
}

function certificatesSection(ctx: PageContext, d: Dashboard): Html {
  const c = d.certificates;
  const rows = [
    ...c.expired.map(
      (o) =>
        html`<tr>
          <td>${bracketed(ctx, o.name, o.officerId)}</td>
          <td>${agencyName(ctx, o.agency)}</td>
          <td>${o.validTo}</td>
          <td class="bad">${ctx.t('supervise.expired', { days: o.daysSince })}</td>
        </tr>`,
    ),
    ...c.expiring.map(
      (o) =>
        html`<tr>
          <td>${bracketed(ctx, o.name, o.officerId)}</td>
          <td>${agencyName(ctx, o.agency)}</td>
          <td>${o.validTo}</td>
          <td>${ctx.t('supervise.expiring', { days: o.daysLeft })}</td>
        </tr>`,
    ),
  ];
  return html`<section aria-labelledby="certificates">
    <h2 id="certificates">${ctx.t('supervise.certificates')}</h2>
    ${dataTable(
      ctx,
      ['supervise.officer', 'case.agency', 'supervise.validTo', 'supervise.certificateStatus'],
      rows,
      'supervise.none',
    )}
    ${
      c.actsOutsideValidity.length > 0 &&
      html`<p class="bad">${ctx.t('supervise.actsOutside', { count: c.actsOutsideValidity.length })}</p>`
    }
  </section>`;
}

function ratioSection(ctx: PageContext, d: Dashboard): Html {
  return html`<section aria-labelledby="ratio">
    <h2 id="ratio">${ctx.t('supervise.ratio')}</h2>
    <p class="hint">${ctx.t('supervise.ratio.hint')}</p>
    ${dataTable(
      ctx,
      [
        'case.agency',
        'supervise.activeOfficers',
        'supervise.reviewers',
        'supervise.qualifiedReviewers',
        'supervise.required',
        'supervise.meets',
      ],
      d.ratio.items.map(
        (r) =>
          html`<tr>
            <td>${agencyName(ctx, r.agency)}</td>
            <td>${r.activeOfficers}</td>
            <td>${r.reviewers}</td>
            <td>${r.qualifiedReviewers}</td>
            <td>${r.required}</td>
            <td class="${r.meets ? 'ok' : 'bad'}">${ctx.t(r.meets ? 'case.yes' : 'case.no')}</td>
          </tr>`,
      ),
      'supervise.none',
    )}
  </section>`;
}

function chartSection(ctx: PageContext, d: Dashboard): Html {
  const months = d.monthly.months;
  const series = [
    { name: ctx.t('supervise.opened'), values: months.map((m) => m.opened), className: 's1' },
    { name: ctx.t('supervise.decided'), values: months.map((m) => m.decided), className: 's2' },
    { name: ctx.t('supervise.overdueMonthly'), values: months.map((m) => m.overdue), className: 's3' },
  ];
  const title = ctx.t('supervise.monthly', { year: d.year });
  return html`<section aria-labelledby="monthly">
    <h2 id="monthly">${title}</h2>
    <figure>
      ${barChart(
        'monthly-chart',
        title,
        ctx.t('supervise.monthly.desc'),
        months.map((m) => m.month),
        series,
      )}
      <figcaption>
        <ul class="legend">
          ${series.map((s) => html`<li><span class="key ${s.className}"></span>${s.name}</li>`)}
        </ul>
      </figcaption>
    </figure>
    <div class="table-wrap">
      <table>
        <caption>
          ${title}
        </caption>
        <thead>
          <tr>
            <th scope="col">${ctx.t('supervise.month')}</th>
            ${series.map((s) => html`<th scope="col">${s.name}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${months.map(
            (m) =>
              html`<tr>
                <th scope="row">${m.month}</th>
                <td>${m.opened}</td>
                <td>${m.decided}</td>
                <td>${m.overdue}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </section>`;
}
