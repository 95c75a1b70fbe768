import { publicOrigin } from '../../http/public-origin.js';
import type { UtcOffsets } from '../../domain/actor.js';
import type { RequestHandler } from 'express';
import type { BundleFailureCode } from '../../ledger/bundle-report.js';
import type { PortalAssets } from '../assets.js';
import { html, jsonScript } from '../html.js';
import type { MessageKey } from '../i18n.js';
import { pageContext, sendPage, type PageContext } from '../layout.js';

/**
 * `/verify`: an evidence bundle checked in the reader's browser, never uploaded (client/verify.ts runs src/ledger's
 * verifier on the file, docs/portal.md "Verifying in the browser"). Without JavaScript the page says what it does
 * and how to verify with the CLI or `POST /v1/verify` instead; the form is shown by the script.
 */

/** Each failure code's plain-language explanation (a code without one does not compile). */
const CODE_TEXT: Record<BundleFailureCode, MessageKey> = {
  malformed: 'verify.code.malformed',
  manifest_mismatch: 'verify.code.manifest_mismatch',
  file_hash_mismatch: 'verify.code.file_hash_mismatch',
  unknown_key: 'verify.code.unknown_key',
  manifest_signature_invalid: 'verify.code.manifest_signature_invalid',
  checkpoint_invalid: 'verify.code.checkpoint_invalid',
  checkpoint_inconsistent: 'verify.code.checkpoint_inconsistent',
  consistency_proof_missing: 'verify.code.consistency_proof_missing',
  cosignature_invalid: 'verify.code.cosignature_invalid',
  witness_quorum_not_met: 'verify.code.witness_quorum_not_met',
  malformed_event: 'verify.code.malformed_event',
  event_hash_mismatch: 'verify.code.event_hash_mismatch',
  unsupported_algorithm: 'verify.code.unsupported_algorithm',
  signature_invalid: 'verify.code.signature_invalid',
  officer_key_invalid: 'verify.code.officer_key_invalid',
  actor_key_unknown: 'verify.code.actor_key_unknown',
  actor_key_revoked: 'verify.code.actor_key_revoked',
  actor_key_not_valid: 'verify.code.actor_key_not_valid',
  actor_signature_invalid: 'verify.code.actor_signature_invalid',
  stream_mismatch: 'verify.code.stream_mismatch',
  duplicate_event: 'verify.code.duplicate_event',
  revision_gap: 'verify.code.revision_gap',
  chain_broken: 'verify.code.chain_broken',
  media_missing: 'verify.code.media_missing',
  media_mismatch: 'verify.code.media_mismatch',
  proof_missing: 'verify.code.proof_missing',
  proof_invalid: 'verify.code.proof_invalid',
  stream_incomplete: 'verify.code.stream_incomplete',
  timestamp_invalid: 'verify.code.timestamp_invalid',
  timestamp_untrusted: 'verify.code.timestamp_untrusted',
};

/** The text the page's script shows, in the page's language. */
const SCRIPT_TEXT: readonly MessageKey[] = [
  'verify.checking',
  'verify.valid',
  'verify.validSelf',
  'verify.invalid',
  'verify.error',
  'verify.unsupported',
  'verify.detail',
  'verify.case',
  'verify.decision',
  'verify.decisionCorrected',
  'verify.counts',
  'verify.countsBefore',
  'verify.notChecked',
  'verify.checkpoint',
  'verify.complete',
  'verify.complete.through',
  'verify.complete.empty',
  'verify.complete.notProven',
  'verify.exportedAt',
  'verify.hint.compressed',
  'verify.hint.zip',
  'verify.hint.repacked',
  'verify.hint.cut_short',
  'verify.hint.empty',
  'verify.keys',
  'verify.keys.given',
  'verify.keys.bundle',
  'verify.keys.signed',
  'verify.keys.signed.manifest',
  'verify.keys.signed.checkpoint',
  'verify.keys.and',
  'verify.keys.signedNothing',
  'verify.keys.bundleNote',
  'verify.json',
  'verify.key.fetched',
  'verify.key.fetchFailed',
  'verify.key.invalid',
  'verify.witness.invalid',
  'verify.quorum.invalid',
  'verify.tsa.loaded',
  'verify.tsa.invalid',
  'verify.witnesses',
  'verify.disclosure',
  'verify.disclosure.tsa',
  'verify.disclosure.witnesses',
  'verify.status.on_time',
  'verify.status.late',
  'verify.status.not_attested',
];

/**
 * What client/verify.ts reads from the page: its text, each failure code's explanation, and the agencies' offsets
 * from UTC (minutes east: every agency's but those named), in which it shows a bundle's times with the offset written.
 */
export interface VerifyPageText {
  readonly text: Record<string, string>;
  readonly codes: Record<string, string>;
  readonly offsets?: { readonly default: number; readonly agencies: Record<string, number> };
}

function scriptText(ctx: PageContext, offsets: UtcOffsets): VerifyPageText {
  return {
    text: Object.fromEntries(SCRIPT_TEXT.map((key) => [key, ctx.t(key)])),
    codes: Object.fromEntries(Object.entries(CODE_TEXT).map(([code, key]) => [code, ctx.t(key)])),
    offsets: { default: offsets.defaultMinutes, agencies: Object.fromEntries(offsets.agencies) },
  };
}

export function verifyPage(assets: PortalAssets, offsets: UtcOffsets): RequestHandler {
  return (req, res) => {
    const ctx = pageContext(req, res, assets);
    const origin = publicOrigin(req);
    sendPage(res, ctx, {
      title: ctx.t('verify.title'),
      scripts: ['verify.js'],
      main: html`<h1>${ctx.t('verify.title')}</h1>
        <p class="lead">${ctx.t('verify.lead')}</p>
        <p>${ctx.t('verify.what')}</p>
        <form id="verify-form" class="verify" hidden>
          <fieldset>
            <legend>${ctx.t('verify.form')}</legend>
            <div id="verify-drop" class="dropzone">
              <label for="verify-file">${ctx.t('verify.file')}</label>
              <input
                type="file"
                id="verify-file"
                name="bundle"
                accept=".tar,application/x-tar"
                aria-describedby="verify-drop-hint"
              />
              <p id="verify-drop-hint" class="muted">${ctx.t('verify.drop')}</p>
            </div>
          </fieldset>
          <fieldset>
            <legend>${ctx.t('verify.key.legend')}</legend>
            <p id="verify-key-hint" class="muted">${ctx.t('verify.key.hint')}</p>
            <label for="verify-key">${ctx.t('verify.key.label')}</label>
            <textarea
              id="verify-key"
              name="key"
              rows="5"
              spellcheck="false"
              autocomplete="off"
              aria-describedby="verify-key-hint"
            ></textarea>
            <p><button type="button" id="verify-fetch-keys">${ctx.t('verify.key.fetch')}</button></p>
            <p id="verify-key-status" role="status"></p>
          </fieldset>
          <fieldset>
            <legend>${ctx.t('verify.witness.legend')}</legend>
            <p id="verify-witness-hint" class="muted">${ctx.t('verify.witness.hint')}</p>
            <label for="verify-witnesses">${ctx.t('verify.witness.label')}</label>
            <textarea
              id="verify-witnesses"
              name="witnesses"
              rows="3"
              spellcheck="false"
              autocomplete="off"
              aria-describedby="verify-witness-hint"
            ></textarea>
            <p>
              <label for="verify-quorum">${ctx.t('verify.quorum.label')}</label>
              <input
                type="number"
                id="verify-quorum"
                name="quorum"
                min="1"
                step="1"
                inputmode="numeric"
                aria-describedby="verify-quorum-hint"
              />
            </p>
            <p id="verify-quorum-hint" class="muted">${ctx.t('verify.quorum.hint')}</p>
            <p id="verify-witness-status" role="status"></p>
          </fieldset>
          <fieldset>
            <legend>${ctx.t('verify.tsa.legend')}</legend>
            <p id="verify-tsa-hint" class="muted">${ctx.t('verify.tsa.hint')}</p>
            <label for="verify-tsa-ca">${ctx.t('verify.tsa.label')}</label>
            <textarea
              id="verify-tsa-ca"
              name="tsaCa"
              rows="4"
              spellcheck="false"
              autocomplete="off"
              aria-describedby="verify-tsa-hint"
            ></textarea>
            <p>
              <label for="verify-tsa-file">${ctx.t('verify.tsa.file')}</label>
              <input type="file" id="verify-tsa-file" name="tsaCaFile" accept=".pem,.crt,.cer,application/x-pem-file" />
            </p>
            <p id="verify-tsa-status" role="status"></p>
          </fieldset>
          <p><button type="submit" id="verify-submit">${ctx.t('verify.submit')}</button></p>
        </form>
        <section
          id="verify-result"
          class="verify-result"
          aria-live="polite"
          aria-label="${ctx.t('verify.result')}"
        ></section>
        <section aria-labelledby="verify-other">
          <h2 id="verify-other">${ctx.t('verify.other')}</h2>
          <p id="verify-needs-js">${ctx.t('verify.noscript')}</p>
          <p>${ctx.t('verify.cli')}</p>
          <pre><code>curl -s ${origin}/v1/ledger/keys | node -p 'JSON.parse(require("fs").readFileSync(0)).keys.map((k) =&gt; k.publicKeyPem).join("")' &gt; ledger-key.pem
npx ledger verify case.tar --key ledger-key.pem --json
npx ledger verify case.tar --key ledger-key.pem --witness "$(cat witness.vkey)" --quorum 1 --tsa-ca tsa-ca.pem --json</code></pre>
          <p>${ctx.t('verify.api')}</p>
          <pre><code>curl -s -X POST -H 'content-type: application/x-tar' --data-binary @case.tar ${origin}/v1/verify</code></pre>
        </section>
        ${jsonScript('verify-text', scriptText(ctx, offsets))}`,
    });
  };
}
