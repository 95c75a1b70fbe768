import { verifyDraw, type DrawEvidence, type DrawReport, type PublishedPlan } from '../../ledger/draw-verify.js';
import type { DrawPageText } from '../pages/inspections.js';
import { Ed25519Unsupported, withWebCryptoEd25519 } from './shims/ed25519-answers.js';

/**
 * The plan page's script (pages/inspections.ts renders the page): re-runs the draw in this browser with
 * src/ledger's own code (`verifyDraw`, as `ledger draw verify` does) from the published plan, the ledger's keys, its
 * latest signed checkpoint and a consistency proof, and says whether the published draw is the one the ledger
 * determines.
 */

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;
const section = byId('draw-check');
const controls = byId('draw-controls');
const button = byId<HTMLButtonElement>('draw-run');
const result = byId('draw-result');
const data = JSON.parse(byId('draw-text')?.textContent ?? '{"text":{}}') as DrawPageText;

function t(key: string, params: Record<string, string | number> = {}): string {
  return (data.text[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return (await res.json()) as T;
}

type Outcome = { report: DrawReport } | { error: 'fetch' | 'unsupported' };

async function check(agency: string, planId: string): Promise<Outcome> {
  let plan: PublishedPlan;
  let evidence: DrawEvidence;
  try {
    const path = `/v1/inspections/${encodeURIComponent(agency)}/${encodeURIComponent(planId)}`;
    const [p, keys, checkpoint] = await Promise.all([
      getJson<PublishedPlan>(path),
      getJson<{ origin: string; keys: { publicKeyPem: string }[] }>('/v1/ledger/keys'),
      getJson<{ size: number; note: string }>('/v1/ledger/checkpoint'),
    ]);
    plan = p;
    const size = p.draw?.size;
    const proof =
      size !== undefined && size >= 1 && size < checkpoint.size
        ? (await getJson<{ proof: string[] }>(`/v1/ledger/proof/consistency?from=${size}&to=${checkpoint.size}`)).proof
        : [];
    evidence = { origin: keys.origin, keys: keys.keys, note: checkpoint.note, consistency: proof };
  } catch {
    return { error: 'fetch' };
  }
  try {
    return { report: await withWebCryptoEd25519(async () => verifyDraw(plan, evidence)) };
  } catch (err) {
    if (err instanceof Ed25519Unsupported) return { error: 'unsupported' };
    throw err;
  }
}

function show(outcome: Outcome): void {
  const lines: HTMLElement[] = [];
  const line = (text: string, className?: string) => {
    const p = document.createElement('p');
    p.textContent = text;
    if (className) p.className = className;
    lines.push(p);
  };
  if ('error' in outcome) {
    result!.dataset.valid = 'unknown';
    line(t(outcome.error === 'fetch' ? 'inspections.check.error' : 'inspections.check.unsupported'), 'badge bad');
  } else {
    const { report } = outcome;
    result!.dataset.valid = String(report.valid);
    if (report.seed) result!.dataset.seed = report.seed;
    if (report.targets) result!.dataset.targets = JSON.stringify(report.targets);
    if (report.valid) line(t('inspections.check.valid'), 'badge ok');
    else
      line(t('inspections.check.invalid', { step: report.failure!.step, detail: report.failure!.detail }), 'badge bad');
    if (report.seed) line(t('inspections.check.recomputed', { seed: report.seed }));
  }
  result!.replaceChildren(...lines);
}

if (section && controls && button && result) {
  const { agency, plan } = section.dataset;
  controls.hidden = false;
  button.addEventListener('click', () => {
    if (!agency || !plan) return;
    button.disabled = true;
    result.textContent = t('inspections.check.running');
    void check(agency, plan)
      .then(show, () => show({ error: 'fetch' }))
      .finally(() => (button.disabled = false));
  });
}
