import type { Router } from 'express';
import { html, type Html } from '../html.js';
import { pageContext, sendPage, type PageContext } from '../layout.js';
import type { MessageKey } from '../i18n.js';
import { agencyName, bracketed, colon, localMinuteWithOffset, localSecond, shownName } from './labels.js';
import { label, yuan, type PublicPagesDependencies } from './public-parts.js';
import { ID_PATTERN } from '../../domain/streams.js';

type DecisionView = NonNullable<Awaited<ReturnType<PublicPagesDependencies['publicReads']['disclosure']>>>;
type Published = Extract<DecisionView, { status: 'published' }>;

/**
 * `/disclosures/{agency}/{caseId}`: one disclosed decision as published (redacted by its projection, as the API
 * shows it), with its legal basis, its publication deadline and whether it was met, its updates; a withdrawn one as
 * its notice. The badge (`#ledger-badge`) names the event to check in the ledger: the `badge.js` script verifies it
 * in the browser; without scripts it says how to check by hand. An unknown decision is the portal's 404 page.
 */
export function registerDisclosurePage(router: Router, deps: PublicPagesDependencies): void {
  router.get('/disclosures/redaction', deps.limited, (req, res) => {
    const ctx = pageContext(req, res, deps.assets);
    sendPage(res, ctx, { title: ctx.t('redaction.title'), main: redactionHelp(ctx) });
  });
  router.get('/disclosures/:agency/:caseId', deps.limited, async (req, res) => {
    const ctx = pageContext(req, res, deps.assets);
    const { agency, caseId } = req.params as { agency: string; caseId: string };
    const decision =
      ID_PATTERN.test(agency) && ID_PATTERN.test(caseId)
        ? await deps.publicReads.disclosure(agency, caseId)
        : undefined;
    if (!decision) {
      sendPage(res, ctx, {
        status: 404,
        title: ctx.t('decision.notFound'),
        main: html`<h1>${ctx.t('decision.notFound')}</h1>
          <p>${ctx.t('decision.notFoundBody')}</p>
          <p><a href="/disclosures">${ctx.t('decision.back')}</a></p>`,
      });
      return;
    }
    const offset = deps.utcOffsetOf(decision.agency);
    const main =
      decision.status === 'withdrawn'
        ? html`<h1>${decision.documentNo}</h1>
            <div class="notice" role="note">
              <h2>${ctx.t('decision.withdrawnTitle')}</h2>
              <p>${ctx.t('decision.withdrawnBody', { at: localMinuteWithOffset(decision.withdrawnAt, offset) })}</p>
              <p>${ctx.t('disclosures.reason')}${colon(ctx)}${decision.reason}</p>
            </div>
            <dl class="fields">
              <dt>${ctx.t('public.agency')}</dt>
              <dd>${agencyName(ctx, decision.agency)}</dd>
              <dt>${ctx.t('public.item')}</dt>
              <dd>
                ${decision.itemName === undefined ? decision.itemCode : bracketed(ctx, decision.itemName, decision.itemCode)}
              </dd>
              <dt>${ctx.t('disclosures.publishedOn')}</dt>
              <dd>${decision.publishedOn}</dd>
            </dl>`
        : published(ctx, decision, offset);
    sendPage(res, ctx, {
      title: decision.documentNo,
      scripts: ['badge.js'],
      main: html`${main} ${decision.eventId !== undefined && badge(ctx, decision.eventId, decision.eventHash, offset)}
        <p><a href="/disclosures">${ctx.t('decision.back')}</a></p>`,
    });
  });
}

/** A published decision; its updates' times in the agency's time, `offset` minutes east of UTC, the offset written. */
function published(ctx: PageContext, d: Published, offset: number): Html {
  return html`<h1>${d.documentNo}</h1>
    ${d.updates.length > 0 && html`<p class="notice">${ctx.t('decision.updatedNotice', { count: d.updates.length })}</p>`}
    <h2>${ctx.t('decision.details')}</h2>
    <dl class="fields">
      <dt>${ctx.t('public.agency')}</dt>
      <dd>${agencyName(ctx, d.agency)}</dd>
      <dt>${ctx.t('public.item')}</dt>
      <dd>${bracketed(ctx, d.itemName ?? d.itemCode, d.itemCode)}</dd>
      ${
        d.category !== undefined &&
        html`<dt>${ctx.t('public.category')}</dt>
          <dd>${label(ctx, 'category', d.category)}</dd>`
      }
      <dt>${ctx.t('disclosures.decisionType')}</dt>
      <dd>${d.decisionType !== undefined && label(ctx, 'decisionType', d.decisionType)}</dd>
      ${
        d.fineFen !== undefined &&
        d.fineFen > 0 &&
        html`<dt>${ctx.t('disclosures.fine')}</dt>
          <dd>${yuan(d.fineFen)}</dd>`
      }
      <dt>${ctx.t('public.legalBasis')}</dt>
      <dd>${d.legalBasis}</dd>
      <dt>${ctx.t('disclosures.parties')}</dt>
      <dd>
        ${d.parties.map((p) => bracketed(ctx, shownName(ctx, p.name), label(ctx, 'party', p.kind))).join(ctx.locale === 'en' ? '; ' : '、')}
      </dd>
      <dt>${ctx.t('disclosures.decidedOn')}</dt>
      <dd>${d.decidedOn}</dd>
      <dt>${ctx.t('disclosures.publishedOn')}</dt>
      <dd>${d.publishedOn}</dd>
      ${
        d.dueBy !== undefined &&
        html`<dt>${ctx.t('decision.deadline')}</dt>
          <dd>
            ${ctx.t('decision.dueBy', { date: d.dueBy })}
            ${
              d.onTime !== undefined &&
              html`<strong class="${d.onTime ? 'ok' : 'error'}"
                  >${ctx.t(d.onTime ? 'decision.onTime' : 'decision.late')}</strong
                >
                ${ctx.t('decision.onTimeBasis')}`
            }
          </dd>`
      }
      ${
        d.attestation !== undefined &&
        html`<dt>${ctx.t('decision.attested')}</dt>
          <dd>
            ${ctx.t(
              d.attestation.source === 'witnesses' && d.attestation.status !== 'not_attested'
                ? `decision.attested.witnesses.${d.attestation.status}`
                : `decision.attested.${d.attestation.status}`,
              {
                time: d.attestation.attestedBy
                  ? localSecond(d.attestation.attestedBy, agencyOffset(d.attestation))
                  : '',
                date: d.attestation.dueBy,
              },
            )}
          </dd>`
      }
    </dl>
    ${
      d.updates.length > 0 &&
      html`<h2>${ctx.t('decision.updates')}</h2>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">${ctx.t('decision.updatedAt')}</th>
                <th scope="col">${ctx.t('decision.updateReason')}</th>
              </tr>
            </thead>
            <tbody>
              ${d.updates.map(
                (u) =>
                  html`<tr>
                    <td><time datetime="${u.updatedAt}">${localMinuteWithOffset(u.updatedAt, offset)}</time></td>
                    <td>${u.reason}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>`
    }
    ${d.redactions !== undefined && d.redactions.length > 0 && redactions(ctx, d.redactions)}`;
}

/** A sealed field by what it holds (a party's name), beside its pointer, which a party's proof names exactly. */
function redactedField(ctx: PageContext, path: string): string {
  const party = /^\/parties\/(\d+)\/name$/.exec(path);
  return party ? ctx.t('decision.redactionPartyName', { n: Number(party[1]) + 1 }) : '';
}

/** The commitments of the masked names (docs/privacy.md), and where to read how a party proves one. */
function redactions(ctx: PageContext, items: NonNullable<Published['redactions']>): Html {
  return html`<h2>${ctx.t('decision.redactions')}</h2>
    <p>${ctx.t('decision.redactionsLead')}</p>
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">${ctx.t('decision.redactionField')}</th>
            <th scope="col">${ctx.t('decision.redactionEvent')}</th>
            <th scope="col">${ctx.t('decision.redactionCommitment')}</th>
          </tr>
        </thead>
        <tbody>
          ${items.map(
            (r) =>
              html`<tr>
                <td>${redactedField(ctx, r.path)} <code>${r.path}</code></td>
                <td><code>${r.eventId}</code></td>
                <td><code class="digest">${r.commitment}</code></td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <p><a href="/disclosures/redaction">${ctx.t('decision.redactionHow')}</a></p>`;
}

/** `/disclosures/redaction`: how a party proves a masked name came from the sealed original (Chinese first). */
function redactionHelp(ctx: PageContext): Html {
  return html`<h1>${ctx.t('redaction.title')}</h1>
    <p>${ctx.t('redaction.lead')}</p>
    <ol>
      <li>${ctx.t('redaction.step1')}</li>
      <li>${ctx.t('redaction.step2')}</li>
      <li>${ctx.t('redaction.step3')}</li>
      <li>${ctx.t('redaction.step4')}</li>
    </ol>
    <p>${ctx.t('redaction.erased')}</p>
    <p><a href="/disclosures">${ctx.t('redaction.back')}</a></p>`;
}

/**
 * The hook of the ledger badge (`client/badge.ts`): the event's id, and its hash, which binds the proven leaf to the
 * event; readable as it is without scripts.
 */
function badge(ctx: PageContext, eventId: string, eventHash: string | undefined, offset: number): Html {
  const proof = `/v1/ledger/proof/inclusion?eventId=${encodeURIComponent(eventId)}`;
  return html`<h2>${ctx.t('decision.ledger')}</h2>
    <p
      id="ledger-badge"
      class="badge pending"
      aria-live="polite"
      data-event-id="${eventId}"
      ${eventHash !== undefined && html`data-event-hash="${eventHash}"`}
      data-utc-offset="${String(offset)}"
    >
      ${ctx.t('decision.badge', { eventId })}
    </p>
    <p class="muted" id="ledger-badge-scope">${ctx.t('decision.badgeScope')}</p>
    ${checkItYourself(ctx, proof)}`;
}

/**
 * How a reader checks a ledger badge without the page's script: the event's inclusion proof (`proof`), the signed
 * checkpoint and the published keys, each a link around its own words, the sentence's joins outside them (written
 * without white space between, so that Chinese reads without stray spaces; the English joins carry their own).
 */
export function checkItYourself(ctx: PageContext, proof: string): Html {
  const link = (href: string, key: MessageKey) => html`<a href="${href}">${ctx.t(key)}</a>`;
  const sentence = [
    ctx.t('decision.badgeHow'),
    link(proof, 'decision.badgeProof'),
    ctx.t('decision.badgeAnd'),
    link('/v1/ledger/checkpoint', 'decision.badgeCheckpoint'),
    ctx.t('decision.badgeWith'),
    link('/v1/ledger/keys', 'decision.badgeKeys'),
    ctx.t('decision.badgeEnd'),
  ];
  return html`<p class="muted">${sentence}</p>`;
}

/**
 * The agency's UTC offset in minutes that an attestation's deadline was taken in: the deadline is the instant
 * `dueBy` ends there (docs/integrity.md §15.5), so the offset is the gap between that instant and the day's end in UTC.
 */
function agencyOffset(attestation: { readonly dueBy: string; readonly deadline: string }): number {
  return (Date.parse(`${attestation.dueBy}T00:00:00Z`) + 86_400_000 - Date.parse(attestation.deadline)) / 60_000;
}
