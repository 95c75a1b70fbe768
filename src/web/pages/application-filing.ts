import { itemText } from './apply.js';
import type { FilingView } from '../../app/application-filing-reads.js';
import { sizeText } from './labels.js';
import { errorSummary, type FormState } from '../forms/fields.js';
import { html, type Html } from '../html.js';
import type { MessageKey } from '../i18n.js';
import type { PageContext } from '../layout.js';
import { caseHref } from '../links.js';
import { decideForms, type RefusedDecision } from './application-queue.js';

/** Where an attachment of an application is read in the portal (its read recorded). */
export const attachmentHref = (applicationId: string, sha256: string): string =>
  `/work/applications/${applicationId}/attachments/${sha256}`;

function attachmentsOf(ctx: PageContext, view: FilingView): Html {
  if (view.attachments.length === 0) return html`<p>${ctx.t('apply.filing.noAttachments')}</p>`;
  if (view.erased) return html`<p>${ctx.t('apply.filing.erased')}</p>`;
  return html`<ul>
    ${view.attachments.map(
      (a) =>
        html`<li>
          <a href="${attachmentHref(view.applicationId, a.sha256)}">${a.name}</a>
          · ${a.contentType} · ${sizeText(ctx, a.size)}
          <code class="muted">${a.sha256.slice(0, 16)}…</code>
        </li>`,
    )}
  </ul>`;
}

/**
 * `/work/applications/{id}`: an application as filed, for the officers deciding it, with its forms while waiting
 * (`decides`), and for supervisors, without them.
 */
export function applicationFilingMain(
  ctx: PageContext,
  view: {
    filing: FilingView;
    csrf: Html;
    state: FormState;
    decides: boolean;
    refused?: RefusedDecision;
    /** The name of the licensing item applied for. */
    itemName?: string;
  },
): Html {
  const f = view.filing;
  const optional = (label: MessageKey, value: string | undefined) =>
    value === undefined
      ? html``
      : html`<dt>${ctx.t(label)}</dt>
          <dd>${value}</dd>`;
  return html`<h1>${ctx.t('apply.filing.title', { id: f.applicationId })}</h1>
    <p>${ctx.t('apply.filing.lead')}</p>
    ${errorSummary(ctx, view.state)}
    <dl class="fields">
      <dt>${ctx.t('apply.item')}</dt>
      <dd>${itemText(ctx, f.itemCode, view.itemName)}</dd>
      <dt>${ctx.t('apply.status')}</dt>
      <dd>${ctx.t(`apply.status.${f.status}` as MessageKey)}</dd>
      <dt>${ctx.t('apply.receipt.filedOn')}</dt>
      <dd>${f.filedOn}</dd>
      <dt>${ctx.t('apply.receipt.acceptBy')}</dt>
      <dd>${f.acceptBy}</dd>
      <dt>${ctx.t('apply.kind')}</dt>
      <dd>${ctx.t(`apply.kind.${f.applicant.kind}` as MessageKey)}</dd>
      <dt>${ctx.t('apply.applicant')}</dt>
      <dd>${f.applicant.name}</dd>
      ${optional('apply.idNumber', f.applicant.idNumber)} ${optional('apply.phone', f.applicant.phone)}
      ${optional('apply.email', f.applicant.email)} ${optional('apply.address', f.applicant.address)}
      <dt>${ctx.t('apply.filing.hash')}</dt>
      <dd><code>${f.eventHash}</code></dd>
    </dl>
    <h2>${ctx.t('apply.request')}</h2>
    <p class="typed">${f.request}</p>
    <h2>${ctx.t('apply.filing.attachments')}</h2>
    ${attachmentsOf(ctx, f)}
    ${
      f.caseId !== undefined &&
      html`<p>
        <a href="${caseHref({ agency: f.agency, caseId: f.caseId })}">${ctx.t('apply.caseId')} ${f.caseId}</a>
      </p>`
    }
    ${view.decides && f.status === 'filed' && decideForms(ctx, f, view.csrf, true, view.refused)}
    ${view.decides && html`<p><a href="/work/applications">${ctx.t('apply.filing.back')}</a></p>`}`;
}
