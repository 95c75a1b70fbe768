import type { CaseFile } from '../../app/case-file-reads.js';
import { html, type Html } from '../html.js';
import type { PageContext } from '../layout.js';
import { caseHref, mediumHref } from '../links.js';
import { actContent } from './act-content.js';
import { counselSection, reviewDeadlineFields } from './case-review.js';
import {
  agencyName,
  bracketed,
  colon,
  enumerationSeparator,
  label,
  localMinute,
  personShown,
  shownName,
  sizeText,
  yuan,
} from './labels.js';

/** One granted retrieval of the case, as the supervision view of the access trail gives it. */
export interface AccessRow {
  readonly sub: string;
  readonly agency: string;
  readonly at: string;
  readonly action: string;
  readonly purpose?: string;
}

export interface CaseFileView {
  readonly file: CaseFile;
  /**
   * A page of the access trail, when the reader may see it (a supervisor, as `GET /v1/audit/access`), with its
   * pager; else undefined.
   */
  readonly access?: { readonly rows: readonly AccessRow[]; readonly more: Html };
  /** The forms and links of the work the reader may do on the case. */
  readonly actions: Html;
  /** Minutes east of UTC of the case's agency: every time on the page is shown in its local time. */
  readonly utcOffsetMinutes: number;
}

export { mediumHref };

/**
 * For each act of the timeline (in the order entered in the ledger), whether it took place before an act entered
 * before it: recorded afterwards (补记), which the page says, since the list is not in the order the acts took place.
 */
export function enteredLate(timeline: readonly { readonly occurredAt: string; readonly type?: string }[]): boolean[] {
  let latest = -Infinity;
  return timeline.map((t) => {
    // the opening's time is the service's stamp of its recording (the case states its day, `openedOn`): acts of a
    // case entered after the fact are dated before it, and none of them is out of order for that
    if (t.type === 'CaseOpened') return false;
    const at = Date.parse(t.occurredAt);
    // to the precision the act states its time in: an act stated to the minute or the second is not before one
    // stamped within that minute or second (an opening the service stamps to the millisecond)
    const unit = statedUnitMs(t.occurredAt);
    const late = Math.floor(at / unit) < Math.floor(latest / unit);
    latest = Math.max(latest, at);
    return late;
  });
}

/**
 * The unit a time is stated in, in milliseconds: a minute (`…T15:00+08:00`, or `…T15:00:00+08:00` as the portal's
 * forms write a minute typed), a second, or finer.
 */
function statedUnitMs(time: string): number {
  const clock = /T\d\d:\d\d(?::(\d\d))?(\.\d+)?/.exec(time);
  if (!clock || ((clock[1] === undefined || clock[1] === '00') && clock[2] === undefined)) return 60_000;
  return clock[2] === undefined ? 1_000 : 1;
}

/** The case file (案卷) page: facts, checklist, decision, reviews, the acts in order, the media, who read it. */
export function caseFileMain(ctx: PageContext, { file, access, actions, utcOffsetMinutes }: CaseFileView): Html {
  const local = (dateTime: string) => localMinute(dateTime, utcOffsetMinutes);
  const yesNo = (v: boolean | undefined) => ctx.t(v ? 'case.yes' : 'case.no');
  const late = enteredLate(file.timeline);
  return html`<h1>${file.title}</h1>
    <dl class="fields">
      <dt>${ctx.t('case.caseId')}</dt>
      <dd>${file.caseId}</dd>
      <dt>${ctx.t('case.agency')}</dt>
      <dd>${agencyName(ctx, file.agency)}</dd>
      <dt>${ctx.t('case.item')}</dt>
      <dd>${bracketed(ctx, file.itemName ?? file.itemCode, file.itemCode)}</dd>
      <dt>${ctx.t('case.openedOn')}</dt>
      <dd>${file.openedOn}</dd>
      <dt>${ctx.t('case.status')}</dt>
      <dd class="status">${label(ctx, 'case.status', file.status)}</dd>
      <dt>${ctx.t('case.major')}</dt>
      <dd>${yesNo(file.major)}</dd>
      <dt>${ctx.t('case.officers')}</dt>
      <dd>${file.handlingOfficers.map((o) => o.name ?? o.officerId).join(enumerationSeparator(ctx))}</dd>
      <dt>${ctx.t('case.parties')}</dt>
      <dd>
        ${file.parties.map((p) => bracketed(ctx, shownName(ctx, p.name), label(ctx, 'case.party', p.kind))).join(ctx.locale === 'en' ? '; ' : '；')}
      </dd>
      ${applicationField(ctx, file)}
    </dl>
    <section aria-labelledby="checklist">
      <h2 id="checklist">${ctx.t('case.checklist')}</h2>
      <ul class="checklist">
        ${(['recordings', 'legalReview', 'disclosure', 'service'] as const).map((name) => {
          const status = file.completeness[name].status;
          // a review check cleared by the head's coordination over a review that did not pass: said, not hidden
          const review = file.completeness.legalReview;
          const overridden = name === 'legalReview' && review.clearedBy === 'coordination';
          const otherBasis = name === 'legalReview' && review.legalBasisAsReviewed === false;
          const note =
            (overridden ? ctx.t('case.check.legalReview.coordination') : '') +
            (otherBasis ? ctx.t('case.check.legalReview.otherBasis') : '');
          return html`<li class="check-${status}">
            <span>${ctx.t(`case.check.${name}` as const)}</span
            >${colon(ctx)}<strong>${label(ctx, 'case.checkStatus', status)}</strong>${note}
          </li>`;
        })}
      </ul>
    </section>
    ${file.decision && decisionSection(ctx, file.decision, file.disclosureDeadline, local)}
    ${counselSection(ctx, file, local)} ${reviewsSection(ctx, file)}
    <section aria-labelledby="timeline">
      <h2 id="timeline">${ctx.t('case.timeline')}</h2>
      <p class="hint">${ctx.t('case.timeline.lead')}</p>
      <ol class="timeline">
        ${file.timeline.map(
          (t, i) =>
            html`<li id="act-${t.eventId}">
              <strong>${label(ctx, 'act', t.type)}</strong>
              <time datetime="${t.occurredAt}">${local(t.occurredAt)}</time>
              ${
                late[i] &&
                html`<span class="late">${ctx.t('case.timeline.late', { recordedAt: local(t.recordedAt) })}</span>`
              }
              <span class="muted"
                >${ctx.t('case.timeline.by')}${colon(ctx)}${personShown(ctx, file.agency, t.recordedBy)}</span
              >
              <span class="muted">${ctx.t('case.timeline.hash')}${colon(ctx)}<code>${t.hash.slice(0, 16)}…</code></span>
              ${actContent(ctx, file, t)}
            </li>`,
        )}
      </ol>
    </section>
    ${mediaSection(ctx, file)}
    <section aria-labelledby="access">
      <h2 id="access">${ctx.t('case.access')}</h2>
      ${
        access === undefined
          ? html`<p class="muted">${ctx.t('case.access.note')}</p>`
          : access.rows.length === 0
            ? html`<p>${ctx.t('case.access.none')}</p>`
            : html`<table>
                <caption class="muted">
                  ${ctx.t('case.access.note')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">${ctx.t('case.access.who')}</th>
                    <th scope="col">${ctx.t('case.access.when')}</th>
                    <th scope="col">${ctx.t('case.access.action')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${access.rows.map(
                    (a) =>
                      html`<tr>
                        <td>${personShown(ctx, a.agency, a.sub)} · ${agencyName(ctx, a.agency)}</td>
                        <td><time datetime="${a.at}">${local(a.at)}</time></td>
                        <td>${label(ctx, 'access', a.action)}${a.purpose ? `${colon(ctx)}${a.purpose}` : ''}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
      }
      ${access?.more ?? ''}
      <form method="get" action="${caseHref(file)}" class="purpose">
        <label for="purpose">${ctx.t('case.access.purpose')}</label>
        <input id="purpose" name="purpose" maxlength="200" required aria-describedby="purpose-hint" />
        <p id="purpose-hint" class="hint">${ctx.t('case.access.purposeHint')}</p>
        <button type="submit">${ctx.t('case.access.purposeSubmit')}</button>
      </form>
    </section>
    <section aria-labelledby="actions">
      <h2 id="actions">${ctx.t('case.actions')}</h2>
      <p><a href="${caseHref(file)}/bundle" download>${ctx.t('case.export')}</a></p>
      ${actions}
    </section>`;
}

/**
 * The online application a case was opened from (`CaseOpened.application`): linked to the application as filed for
 * the agency's officers and for supervisors (the page is shown only to those who may read the case, and they may read
 * its application as filed); its id only for others.
 */
function applicationField(ctx: PageContext, file: CaseFile): Html {
  const opening = file.timeline.find((t) => t.type === 'CaseOpened');
  const applicationId = opening?.data.application;
  if (typeof applicationId !== 'string') return html``;
  const reader = ctx.user;
  const mayRead =
    reader !== undefined &&
    ((reader.agency === file.agency && reader.roles.includes('officer')) || reader.roles.includes('supervisor'));
  return html`<dt>${ctx.t('case.application')}</dt>
    <dd>
      ${
        mayRead
          ? html`<a href="/work/applications/${applicationId}">${ctx.t('apply.queue.open')}</a>`
          : html`<code>${applicationId}</code>`
      }
    </dd>`;
}

function decisionSection(
  ctx: PageContext,
  d: NonNullable<CaseFile['decision']>,
  deadline: CaseFile['disclosureDeadline'],
  local: (dateTime: string) => string,
): Html {
  return html`<section aria-labelledby="decision">
    <h2 id="decision">${ctx.t('case.decision')}</h2>
    <dl class="fields">
      <dt>${ctx.t('case.decision.type')}</dt>
      <dd>${label(ctx, 'decision', d.decisionType)}</dd>
      ${
        d.fineFen > 0 &&
        html`<dt>${ctx.t('case.decision.fine')}</dt>
          <dd>${yuan(d.fineFen)}</dd>`
      }
      <dt>${ctx.t('case.decision.documentNo')}</dt>
      <dd>${d.documentNo}</dd>
      <dt>${ctx.t('case.decision.decidedOn')}</dt>
      <dd>${d.decidedOn}</dd>
      ${
        d.document &&
        html`<dt>${ctx.t('case.decision.document')}</dt>
          <dd id="decision-document">
            ${d.document.contentType} · ${sizeText(ctx, d.document.size)} ·
            <a href="${mediumHref(d.document.sha256)}" download>${ctx.t('case.decision.document.download')}</a>
            <br /><code>${d.document.sha256}</code>
          </dd>`
      }
      <dt>${ctx.t('case.decision.dueBy')}</dt>
      <dd>${d.disclosureDueBy}</dd>
      ${
        deadline &&
        html`<dt>${ctx.t('case.decision.standing')}</dt>
          <dd class="timeliness-${deadline.status}">
            <strong>${label(ctx, 'standing', deadline.status === 'overdue' ? 'missing' : deadline.status)}</strong>
            ${
              deadline.daysOverdue !== undefined &&
              bracketed(ctx, '', ctx.t('case.decision.daysOverdue', { days: deadline.daysOverdue }))
            }
          </dd>`
      }
      ${
        d.disclosedOn &&
        html`<dt>${ctx.t('case.decision.disclosedOn')}</dt>
          <dd>
            ${bracketed(
              ctx,
              d.disclosedOn,
              // stated on time but recorded after the last day: the standing above counts it late; say why
              d.disclosedOnTime && d.disclosureRecordedOn !== undefined && d.disclosureRecordedOn > d.disclosureDueBy
                ? ctx.t('supervise.recordedLate', { on: d.disclosureRecordedOn })
                : `${ctx.t('case.decision.onTime')}${ctx.locale === 'en' ? ': ' : '：'}${ctx.t(d.disclosedOnTime ? 'case.yes' : 'case.no')}`,
            )}
          </dd>`
      }
      ${
        d.withdrawn &&
        html`<dt>${ctx.t('case.decision.withdrawn')}</dt>
          <dd id="decision-withdrawn">
            ${local(d.withdrawn.occurredAt)}${colon(ctx)}${shownName(ctx, d.withdrawn.reason)}
          </dd>`
      }
      ${
        d.exemption &&
        html`<dt>${ctx.t('case.decision.exemption')}</dt>
          <dd id="decision-exemption">
            ${bracketed(ctx, label(ctx, 'exemption.ground', d.exemption.ground), d.exemption.exemptedOn)}
            <br />${ctx.t('form.legalBasis')}${colon(ctx)}${d.exemption.legalBasis}
            <br />${ctx.t('form.reason')}${colon(ctx)}${shownName(ctx, d.exemption.reason)}
          </dd>`
      }
    </dl>
  </section>`;
}

function reviewsSection(ctx: PageContext, file: CaseFile): Html {
  return html`<section aria-labelledby="reviews">
    <h2 id="reviews">${ctx.t('case.reviews')}</h2>
    ${reviewDeadlineFields(ctx, file)}
    ${
      file.reviews.length === 0
        ? html`<p>${ctx.t('case.reviews.none')}</p>`
        : html`<ul class="cards">
            ${file.reviews.map(
              (r) =>
                html`<li>
                  <strong>${label(ctx, 'review.outcome', r.outcome)}</strong>
                  <span
                    >${ctx.t('case.review.proposal')}${colon(ctx)}${label(ctx, 'decision', r.proposal.decisionType)}
                    ${r.proposal.fineFen !== undefined && r.proposal.fineFen > 0 ? yuan(r.proposal.fineFen) : ''}</span
                  >
                  <span>${ctx.t('case.review.by')}${colon(ctx)}${personShown(ctx, file.agency, r.reviewer)}</span>
                  <p>${ctx.t('case.review.opinion')}${colon(ctx)}${r.opinion}</p>
                  ${
                    r.resolution &&
                    html`<p>
                      ${ctx.t('case.review.resolution')}${colon(ctx)}${label(ctx, 'resolution', r.resolution)}
                      ${r.coordinator === undefined ? '' : bracketed(ctx, '', personShown(ctx, file.agency, r.coordinator))}
                    </p>`
                  }
                </li>`,
            )}
          </ul>`
    }
  </section>`;
}

function mediaSection(ctx: PageContext, file: CaseFile): Html {
  return html`<section aria-labelledby="media">
    <h2 id="media">${ctx.t('case.media')}</h2>
    ${
      file.media.length === 0
        ? html`<p>${ctx.t('case.media.none')}</p>`
        : html`<ul class="media">
            ${file.media.map((m) => {
              const href = mediumHref(m.sha256);
              const acts = m.eventIds
                .map((id) => file.timeline.find((t) => t.eventId === id))
                .map((t) => (t ? label(ctx, 'act', t.type) : ''))
                .join(enumerationSeparator(ctx));
              const name = `${acts} · ${m.contentType}`;
              const player = m.contentType.startsWith('video/')
                ? html`<video controls preload="metadata" src="${href}" aria-label="${name}"></video>`
                : m.contentType.startsWith('audio/')
                  ? html`<audio controls preload="metadata" src="${href}" aria-label="${name}"></audio>`
                  : m.contentType.startsWith('image/')
                    ? html`<img src="${href}" alt="${name}" loading="lazy" />`
                    : html``;
              return html`<li>
                ${player}
                <p>
                  ${name} · ${sizeText(ctx, m.size)} ·
                  <a href="${href}" download>${ctx.t('case.media.download')}</a>
                  <code class="muted">${m.sha256.slice(0, 16)}…</code>
                </p>
              </li>`;
            })}
          </ul>`
    }
  </section>`;
}
