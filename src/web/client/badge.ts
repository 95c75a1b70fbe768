import { Ed25519Unsupported, withWebCryptoEd25519 } from './shims/ed25519-answers.js';
import { badgeText } from './lib/badge-text.js';
import { localMinuteWithOffset } from '../pages/labels.js';
import {
  checkInclusion,
  checkNote,
  type InclusionAnswer,
  type InclusionStep,
  type PublishedKeys,
} from './lib/ledger-inclusion.js';

/**
 * The "recorded in the ledger" badge: on a page with `<… id="ledger-badge" data-event-id="…">` (and, optionally,
 * `data-event-hash`, the event's hex hash, which binds the proven leaf to that event, and `data-utc-offset`, the
 * agency's offset in minutes east of UTC that the checkpoint's time is shown in), fetches the ledger's
 * published keys, its latest signed checkpoint and the event's inclusion proof against it, checks them in this
 * browser with src/ledger's code (lib/ledger-inclusion.ts), and says what it found, politely, to screen readers too.
 */

interface CheckpointAnswer {
  readonly note: string;
  readonly issuedAt?: string;
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return (await res.json()) as T;
}

type Outcome =
  | { ok: true; size: number; issuedAt: string | undefined }
  | { ok: false; step: InclusionStep | 'fetch' | 'unsupported' };

async function check(eventId: string, eventHash: string | undefined): Promise<Outcome> {
  let published: PublishedKeys;
  let checkpoint: CheckpointAnswer;
  try {
    [published, checkpoint] = await Promise.all([
      getJson<PublishedKeys>('/v1/ledger/keys'),
      getJson<CheckpointAnswer>('/v1/ledger/checkpoint'),
    ]);
  } catch {
    return { ok: false, step: 'fetch' };
  }
  let note;
  try {
    note = await withWebCryptoEd25519(async () => checkNote(published, String(checkpoint.note)));
  } catch (err) {
    if (err instanceof Ed25519Unsupported) return { ok: false, step: 'unsupported' };
    throw err;
  }
  if (!note.ok) return note;
  let proof: InclusionAnswer;
  try {
    const query = new URLSearchParams({ eventId, treeSize: String(note.size) });
    proof = await getJson<InclusionAnswer>(`/v1/ledger/proof/inclusion?${query}`);
  } catch {
    return { ok: false, step: 'fetch' };
  }
  const step = checkInclusion(proof, eventId, eventHash, note.size, note.root);
  return step ? { ok: false, step } : { ok: true, size: note.size, issuedAt: checkpoint.issuedAt };
}

/**
 * When the checkpoint was issued, in the agency's time (`offset`, minutes east of UTC, from the page's
 * `data-utc-offset`) with the offset written, as the page shows its other times; without it, in this browser's.
 */
function when(issuedAt: string | undefined, lang: string, offset: number | undefined): string {
  const time = issuedAt === undefined ? NaN : Date.parse(issuedAt);
  if (Number.isNaN(time)) return '—';
  if (offset !== undefined) return localMinuteWithOffset(new Date(time).toISOString(), offset);
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(time);
}

/** The page's `data-utc-offset`: whole minutes east of UTC, within ±14 hours; undefined when absent or not that. */
function pageOffset(value: string | undefined): number | undefined {
  if (value === undefined || !/^-?[0-9]{1,3}$/.test(value)) return undefined;
  const minutes = Number(value);
  return Math.abs(minutes) <= 14 * 60 ? minutes : undefined;
}

const badge = document.getElementById('ledger-badge');
const eventId = badge?.dataset.eventId;
if (badge && eventId) {
  const lang = document.documentElement.lang || 'zh-CN';
  const text = badgeText(lang);
  badge.setAttribute('role', 'status');
  badge.setAttribute('aria-live', 'polite');
  badge.classList.add('badge', 'pending');
  badge.textContent = text.checking;
  const show = (ok: boolean, words: string) => {
    badge.classList.remove('pending', 'ok', 'bad');
    badge.classList.add(ok ? 'ok' : 'bad');
    badge.dataset.verified = String(ok);
    badge.textContent = words;
  };
  check(eventId, badge.dataset.eventHash).then(
    (outcome) =>
      outcome.ok
        ? show(true, text.verified(outcome.size, when(outcome.issuedAt, lang, pageOffset(badge.dataset.utcOffset))))
        : show(false, text.failed(text.steps[outcome.step])),
    () => show(false, text.failed(text.steps.fetch)),
  );
}
