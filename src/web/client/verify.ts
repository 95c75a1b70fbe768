import { localMinuteWithOffset } from '../pages/labels.js';
import type { BundleReport } from '../../ledger/bundle-report.js';
import type { VerifyPageText } from '../pages/verify.js';
import { pinnedKeys, tsaRoots, verifyFile, witnessKeys, witnessQuorum, type TrustInputs } from './lib/verify-file.js';
import { Ed25519Unsupported } from './shims/ed25519-answers.js';

/**
 * The `/verify` page's script (pages/verify.ts renders the page): shows the form, checks the chosen or dropped
 * bundle in this browser with src/ledger's verifier, given the trust inputs `ledger verify` takes (the ledger's keys,
 * witness keys with a quorum, TSA CA certificates), and shows the report. The files are read here and sent nowhere;
 * the only request this script makes is for the ledger's published keys, when asked to.
 */

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;

const form = byId<HTMLFormElement>('verify-form');
const input = byId<HTMLInputElement>('verify-file');
const drop = byId<HTMLElement>('verify-drop');
const keyText = byId<HTMLTextAreaElement>('verify-key');
const keyStatus = byId<HTMLElement>('verify-key-status');
const fetchKeys = byId<HTMLButtonElement>('verify-fetch-keys');
const witnessText = byId<HTMLTextAreaElement>('verify-witnesses');
const quorumInput = byId<HTMLInputElement>('verify-quorum');
const witnessStatus = byId<HTMLElement>('verify-witness-status');
const tsaText = byId<HTMLTextAreaElement>('verify-tsa-ca');
const tsaFile = byId<HTMLInputElement>('verify-tsa-file');
const tsaStatus = byId<HTMLElement>('verify-tsa-status');
const result = byId<HTMLElement>('verify-result');
const data = JSON.parse(byId('verify-text')?.textContent ?? '{"text":{},"codes":{}}') as VerifyPageText;

function t(key: string, params: Record<string, string | number> = {}): string {
  return (data.text[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

function element(tag: string, text?: string, className?: string): HTMLElement {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  if (className) el.className = className;
  return el;
}

function show(...children: HTMLElement[]): void {
  result!.replaceChildren(...children);
}

function reportView(report: BundleReport): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (report.valid) {
    // checked against the bundle's own keys alone, a bundle made anywhere is consistent with itself: that is all
    // the verdict may say, not that it came from this ledger
    const selfOnly = report.trustedKeys.length > 0 && report.trustedKeys.every((k) => k.source === 'bundle');
    out.push(element('p', t(selfOnly ? 'verify.validSelf' : 'verify.valid'), selfOnly ? 'badge self' : 'badge ok'));
  } else {
    const failure = report.failure!;
    // the verdict in words; the code and the verifier's own detail (in English, as ledger verify gives it) after
    out.push(element('p', t('verify.invalid', { reason: data.codes[failure.code] ?? failure.code }), 'badge bad'));
    // a file that is no bundle archive: what it most likely is, and what to do, in the reader's language
    if (failure.hint) out.push(element('p', t(`verify.hint.${failure.hint}`), 'notice'));
    const detail = element('p', t('verify.detail', { code: failure.code }), 'verify-explain');
    detail.append(element('code', failure.detail));
    out.push(detail);
  }
  if (report.caseId) out.push(element('p', t('verify.case', { caseId: report.caseId, agency: report.agency ?? '—' })));
  // the decision document's number: what a clerk knows the case by
  for (const d of report.decisions ?? []) {
    const corrected = d.correctedBy?.length ?? 0;
    out.push(
      element(
        'p',
        t('verify.decision', { documentNo: d.documentNo ?? '—', decidedOn: d.decidedOn ?? '—' }) +
          (corrected > 0 ? ' ' + t('verify.decisionCorrected', { count: corrected }) : ''),
      ),
    );
  }
  const c = report.counts;
  out.push(
    element(
      'p',
      (report.valid ? '' : t('verify.countsBefore')) +
        t('verify.counts', {
          events: c.events,
          access: c.accessRecords,
          media: c.media,
          mediaBytes: c.mediaBytes,
          proofs: c.proofs,
          files: c.files,
          bytes: c.bytes,
        }),
    ),
  );
  // an older export is as valid as a newer one: it holds the case as of its checkpoint, and no more
  if (report.exportedAt !== undefined) {
    // in the agency's time, with the offset written, as the portal shows its other times
    const offset = data.offsets?.agencies[report.agency ?? ''] ?? data.offsets?.default;
    const time = offset === undefined ? report.exportedAt : localMinuteWithOffset(report.exportedAt, offset);
    out.push(element('p', t('verify.exportedAt', { time })));
  }
  if (report.checkpoint) {
    const { origin, size, rootHash } = report.checkpoint;
    out.push(element('p', t('verify.checkpoint', { origin, size, root: rootHash })));
  }
  if (report.complete) {
    const streams = element('ul', undefined, 'verify-complete');
    for (const { stream, revision } of report.complete.streams) {
      const item = element('li');
      const through =
        revision < 0 ? t('verify.complete.empty') : t('verify.complete.through', { revision, count: revision + 1 });
      item.append(element('code', stream), ` ${through}`);
      streams.append(item);
    }
    out.push(element('p', t('verify.complete', { size: report.complete.treeSize })), streams);
  } else if (report.valid) {
    out.push(element('p', t('verify.complete.notProven'), 'notice'));
  }
  if (report.witnesses) {
    const { quorum, cosignatures } = report.witnesses;
    const names = cosignatures.map((c) => c.name).join(', ');
    out.push(element('p', t('verify.witnesses', { count: cosignatures.length, quorum, names })));
  }
  for (const d of report.disclosures ?? []) {
    const status = t(`verify.status.${d.status}`);
    const by = d.attestedBy && d.source ? `${t(`verify.disclosure.${d.source}`, { time: d.attestedBy })}; ` : '';
    out.push(element('p', `${by}${t('verify.disclosure', { revision: d.revision, dueBy: d.dueBy, status })}`));
  }
  if (report.trustedKeys.length > 0) {
    const keys = element('ul', undefined, 'verify-keys');
    for (const k of report.trustedKeys) {
      const item = element('li');
      // which key signed what: a bundle may carry keys that signed nothing (a genuine key added beside the signer's)
      const signed = k.signed?.length
        ? `${t('verify.keys.signed', { what: k.signed.map((what) => t(`verify.keys.signed.${what}`)).join(t('verify.keys.and')) })}`
        : t('verify.keys.signedNothing');
      item.append(
        element('code', k.keyId),
        ` ${t(k.source === 'given' ? 'verify.keys.given' : 'verify.keys.bundle')}${signed}`,
      );
      keys.append(item);
    }
    out.push(element('p', t('verify.keys')), keys);
    if (report.trustedKeys.some((k) => k.source === 'bundle'))
      out.push(element('p', t('verify.keys.bundleNote'), 'notice'));
  }
  const details = element('details');
  details.append(element('summary', t('verify.json')));
  const pre = element('pre');
  pre.id = 'verify-json';
  pre.textContent = JSON.stringify(report, null, 2);
  details.append(pre);
  out.push(details);
  return out;
}

let runs = 0;

/** Reads one trust input; on a bad value, says so next to the field, marks it invalid and focuses it. */
function read<T>(field: HTMLElement, status: HTMLElement, invalid: string, parse: () => T): { value: T } | undefined {
  try {
    const value = parse();
    field.removeAttribute('aria-invalid');
    return { value };
  } catch {
    status.textContent = t(invalid);
    field.setAttribute('aria-invalid', 'true');
    field.focus();
    return undefined;
  }
}

/** The trust inputs as `ledger verify` takes them (--key, --witness, --quorum, --tsa-ca), or undefined if one is bad. */
function trustInputs(): TrustInputs | undefined {
  for (const status of [keyStatus!, witnessStatus!, tsaStatus!]) status.textContent = '';
  const keys = read(keyText!, keyStatus!, 'verify.key.invalid', () => pinnedKeys(keyText!.value));
  if (!keys) return undefined;
  const witnesses = read(witnessText!, witnessStatus!, 'verify.witness.invalid', () => witnessKeys(witnessText!.value));
  if (!witnesses) return undefined;
  const quorum = read(quorumInput!, witnessStatus!, 'verify.quorum.invalid', () =>
    witnessQuorum(quorumInput!.value, witnesses.value?.length),
  );
  if (!quorum) return undefined;
  const roots = read(tsaText!, tsaStatus!, 'verify.tsa.invalid', () => tsaRoots(tsaText!.value));
  if (!roots) return undefined;
  return {
    ...(keys.value.length > 0 ? { trustedKeys: keys.value } : {}),
    ...(witnesses.value ? { witnesses: witnesses.value, witnessQuorum: quorum.value! } : {}),
    ...(roots.value ? { timestampRoots: roots.value } : {}),
  };
}

async function check(file: File): Promise<void> {
  const run = ++runs;
  const trust = trustInputs();
  if (!trust) {
    // a verdict shown before stands on other inputs than those now given: it goes
    show(element('p', t('verify.notChecked'), 'badge pending'));
    return;
  }
  result!.setAttribute('aria-busy', 'true');
  const progress = document.createElement('progress');
  progress.max = Math.max(1, file.size);
  progress.value = 0;
  progress.setAttribute('aria-label', t('verify.checking'));
  show(element('p', t('verify.checking'), 'badge pending'), progress);
  try {
    const report = await verifyFile(file, trust, (bytes, pass) => {
      // each pass reads the whole file: the bar fills to half during the first, and on during the next
      progress.max = Math.max(1, file.size) * Math.max(2, pass);
      progress.value = (pass - 1) * Math.max(1, file.size) + bytes;
    });
    if (run === runs) show(...reportView(report));
  } catch (err) {
    if (run !== runs) return;
    const reason = err instanceof Ed25519Unsupported ? t('verify.unsupported') : (err as Error).message;
    show(element('p', t('verify.error', { reason }), 'badge bad'));
  } finally {
    if (run === runs) result!.removeAttribute('aria-busy');
  }
}

const trustFields = [witnessText, quorumInput, witnessStatus, tsaText, tsaFile, tsaStatus];

if (form && input && drop && keyText && keyStatus && fetchKeys && result && trustFields.every((f) => f !== null)) {
  tsaFile!.addEventListener('change', async () => {
    const chosen = tsaFile!.files?.[0];
    if (!chosen) return;
    tsaText!.value = await chosen.text();
    tsaText!.removeAttribute('aria-invalid');
    tsaStatus!.textContent = t('verify.tsa.loaded', { name: chosen.name });
  });
  form.hidden = false;
  byId('verify-needs-js')?.setAttribute('hidden', '');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const file = input.files?.[0];
    if (file) void check(file);
    else input.focus();
  });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void check(file);
  });
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    const files = event.dataTransfer?.files;
    if (!files || files.length === 0) return;
    input.files = files;
    void check(files[0]!);
  });
  fetchKeys.addEventListener('click', async () => {
    try {
      const res = await fetch('/v1/ledger/keys', { headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(String(res.status));
      const body = (await res.json()) as { keys: { publicKeyPem: string }[] };
      keyText.value = body.keys.map((k) => k.publicKeyPem.trim()).join('\n');
      keyStatus.textContent = t('verify.key.fetched', { count: body.keys.length });
    } catch {
      keyStatus.textContent = t('verify.key.fetchFailed');
    }
  });
}
