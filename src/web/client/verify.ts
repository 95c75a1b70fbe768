import type { BundleReport } from '../../ledger/bundle-report.js';
import type { VerifyPageText } from '../pages/verify.js';
import { pinnedKeys, verifyFile } from './lib/verify-file.js';
import { Ed25519Unsupported } from './shims/ed25519-answers.js';

/**
 * The `/verify` page's script (pages/verify.ts renders the page): shows the form, checks the chosen or dropped
 * bundle in this browser with src/ledger's verifier, and shows the report. The file is read here and sent nowhere;
 * the only request this script makes is for the ledger's published keys, when asked to.
 */

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;

const form = byId<HTMLFormElement>('verify-form');
const input = byId<HTMLInputElement>('verify-file');
const drop = byId<HTMLElement>('verify-drop');
const keyText = byId<HTMLTextAreaElement>('verify-key');
const keyStatus = byId<HTMLElement>('verify-key-status');
const fetchKeys = byId<HTMLButtonElement>('verify-fetch-keys');
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
    out.push(element('p', t('verify.valid'), 'badge ok'));
  } else {
    const failure = report.failure!;
    out.push(element('p', t('verify.invalid', { code: failure.code }), 'badge bad'));
    out.push(element('p', data.codes[failure.code] ?? failure.code, 'verify-explain'));
    const detail = element('p', `${t('verify.detail')}: `);
    detail.append(element('code', failure.detail));
    out.push(detail);
  }
  if (report.caseId) out.push(element('p', t('verify.case', { caseId: report.caseId, agency: report.agency ?? '—' })));
  const c = report.counts;
  out.push(
    element(
      'p',
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
  if (report.checkpoint) {
    const { origin, size, rootHash } = report.checkpoint;
    out.push(element('p', t('verify.checkpoint', { origin, size, root: rootHash })));
  }
  if (report.trustedKeys.length > 0) {
    const keys = element('ul', undefined, 'verify-keys');
    for (const k of report.trustedKeys) {
      const item = element('li');
      item.append(element('code', k.keyId), ` ${t(k.source === 'given' ? 'verify.keys.given' : 'verify.keys.bundle')}`);
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

async function check(file: File): Promise<void> {
  const run = ++runs;
  let keys;
  try {
    keys = pinnedKeys(keyText!.value);
  } catch {
    keyStatus!.textContent = t('verify.key.invalid');
    keyText!.setAttribute('aria-invalid', 'true');
    keyText!.focus();
    return;
  }
  keyText!.removeAttribute('aria-invalid');
  keyStatus!.textContent = '';
  result!.setAttribute('aria-busy', 'true');
  const progress = document.createElement('progress');
  progress.max = Math.max(1, file.size);
  progress.value = 0;
  progress.setAttribute('aria-label', t('verify.checking'));
  show(element('p', t('verify.checking'), 'badge pending'), progress);
  try {
    const report = await verifyFile(file, keys.length > 0 ? keys : undefined, (bytes, pass) => {
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

if (form && input && drop && keyText && keyStatus && fetchKeys && result) {
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
