import { createHash } from 'node:crypto';
import { canonicalize } from '../../ledger/canonical-json.js';

/**
 * The acts a reader recorded through the portal's forms in the last minutes, by what they say: the guard against a
 * form sent again after the browser went back to it. A form page is not kept by the browser (`no-store`, it shows
 * personal data), so going back fetches it again with a new submission key while the browser puts back what was
 * typed; sent again, it would record the act a second time, which the ledger can never undo. An act whose type,
 * officers, data and media (its time aside, which the form fills in anew) are those of one the same reader recorded
 * on the same case a moment ago is shown back with a warning first; sent once more as it stands, it is recorded.
 * Kept in this process only (a best effort across replicas), a few minutes, a bounded number of entries.
 */
export class RecentActs {
  readonly #recorded = new Map<string, { readonly eventId: string; readonly recordedAt: number }>();

  constructor(
    private readonly now: () => number,
    private readonly keepMs = 15 * 60_000,
    private readonly most = 10_000,
  ) {}

  /** The earlier act of the same reader on the same case saying what `act` says, if one was recorded a moment ago. */
  find(reader: string, stream: string, act: ActContent): { eventId: string; recordedAt: number } | undefined {
    const found = this.#recorded.get(fingerprint(reader, stream, act));
    return found && this.now() - found.recordedAt < this.keepMs ? found : undefined;
  }

  /** Remembers an act just recorded. */
  recorded(reader: string, stream: string, act: ActContent, eventId: string): void {
    const key = fingerprint(reader, stream, act);
    this.#recorded.delete(key);
    this.#recorded.set(key, { eventId, recordedAt: this.now() });
    // oldest first in a Map's order: the expired, then any beyond the bound, go
    for (const [k, v] of this.#recorded) {
      if (this.#recorded.size <= this.most && this.now() - v.recordedAt < this.keepMs) break;
      this.#recorded.delete(k);
    }
  }
}

/** What an act says, its time aside. */
export interface ActContent {
  readonly type: string;
  readonly officers?: readonly string[];
  readonly data: Record<string, unknown>;
  readonly media: readonly string[];
}

function fingerprint(reader: string, stream: string, { type, officers, data, media }: ActContent): string {
  const said = canonicalize({ reader, stream, type, officers: officers ?? null, data, media: [...media].sort() });
  return createHash('sha256').update(said, 'utf8').digest('base64url');
}
