import { addSignatureLines, parseVerifierKey, verifyCosignatures, type VerifierKey } from '../ledger/cosignature.js';
import { formatAddCheckpoint, parseSizeBody, SIZE_CONTENT_TYPE } from '../ledger/witness-protocol.js';
import type { WitnessClient } from '../ports/witness-client.js';
import type { SignedCheckpoint, TransparencyLog } from './transparency-log.js';

/** A cosignature obtained from a witness, checked against its key. */
export interface ObtainedCosignature {
  readonly witness: string;
  readonly keyHash: string;
  readonly line: string;
  readonly timestamp: number;
}

/** Why a submission did not end in a cosignature: the witness's status, or that it could not be reached. */
export interface SubmissionFailure {
  readonly witness: string;
  readonly url: string;
  readonly size: number;
  /** `unreachable`, `http_<status>`, `witness_ahead` (it cosigned a larger tree), `cosignature_invalid`. */
  readonly reason: string;
  /** The witness refused the checkpoint (4xx other than a size correction): a fork, rollback or bad proof. */
  readonly refused: boolean;
  readonly failures: number;
  readonly retryInMs: number;
}

export interface WitnessSubmitterDependencies {
  readonly log: Pick<TransparencyLog, 'latest' | 'list' | 'consistency'>;
  readonly client: WitnessClient;
  readonly witnesses: readonly { readonly url: string; readonly key: string }[];
  /**
   * Stores a cosignature with its checkpoint (a `CheckpointCosigned` event); false when the checkpoint was
   * superseded meanwhile (not stored: the witness is given the newer one next).
   */
  readonly record: (checkpoint: SignedCheckpoint, cosignature: ObtainedCosignature) => Promise<boolean>;
  /** Retries wait 1 s, 2 s, 4 s … up to this. */
  readonly retryMaxMs: number;
  readonly onCosigned?: (witness: string, size: number) => void;
  readonly onFailure?: (failure: SubmissionFailure) => void;
}

interface WitnessState {
  readonly url: string;
  readonly key: VerifierKey;
  /** The size the witness last cosigned, as far as we know (its 409 answers correct it). */
  knownSize: number | undefined;
  cosigned: { size: number; rootHash: string } | undefined;
  /** Cosignature lines obtained, by checkpoint (`size:root`), the latest few. */
  readonly lines: Map<string, string>;
  failures: number;
  up: boolean | undefined;
  readonly failureCounts: Map<string, number>;
  timer: NodeJS.Timeout | undefined;
  running: Promise<void> | undefined;
  again: boolean;
}

const idOf = (c: { size: number; rootHash: string }) => `${c.size}:${c.rootHash}`;
/** How many checkpoints' lines each witness keeps in memory for bundle exports waiting on them. */
const KEPT_LINES = 16;
/** At most this many 409 size corrections are followed in one submission. */
const MAX_SIZE_HOPS = 3;

/**
 * Submits each new checkpoint to the configured witnesses (C2SP tlog-witness), in the background: a submission
 * never holds up an append or a checkpoint. Only the latest checkpoint is submitted, with the consistency proof from
 * the size the witness last cosigned (a 409 naming another size is followed); a cosignature that verifies with the
 * witness's key is recorded. A witness that fails is retried with exponential backoff, and then catches up with the
 * latest checkpoint; what failed is reported through `onFailure` and {@link metrics}.
 */
export class WitnessSubmitter {
  readonly #witnesses: WitnessState[];
  readonly #waiters = new Set<() => void>();
  #stopped = false;

  constructor(private readonly deps: WitnessSubmitterDependencies) {
    this.#witnesses = deps.witnesses.map(({ url, key }) => {
      const parsed = parseVerifierKey(key);
      if (!parsed) throw new RangeError(`not a verifier key: ${key}`);
      return {
        url,
        key: parsed,
        knownSize: undefined,
        cosigned: undefined,
        lines: new Map(),
        failures: 0,
        up: undefined,
        failureCounts: new Map(),
        timer: undefined,
        running: undefined,
        again: false,
      };
    });
  }

  /** A new checkpoint may be there: submits it to every witness not waiting out a backoff. */
  nudge(): void {
    for (const w of this.#witnesses) if (!w.timer) this.#start(w);
  }

  /**
   * The checkpoint's note with the cosignatures obtained for it, waiting at most `waitMs` for every witness to
   * cosign it, or to fail, or to cosign a later checkpoint instead.
   */
  async cosignedNote(checkpoint: SignedCheckpoint, waitMs: number): Promise<string> {
    const id = idOf(checkpoint);
    const settled = () =>
      this.#witnesses.every(
        (w) => w.lines.has(id) || w.failures > 0 || (w.cosigned !== undefined && w.cosigned.size > checkpoint.size),
      );
    if (this.#witnesses.length > 0 && waitMs > 0) {
      this.nudge();
      if (!settled()) {
        await new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(timer);
            this.#waiters.delete(check);
            resolve();
          };
          const check = () => settled() && done();
          const timer = setTimeout(done, waitMs);
          this.#waiters.add(check);
          check();
        });
      }
    }
    const lines = this.#witnesses.flatMap((w) => (w.lines.has(id) ? [w.lines.get(id)!] : []));
    return addSignatureLines(checkpoint.cosignedNote ?? checkpoint.note, lines);
  }

  /** Prometheus lines: per witness the size it last cosigned, the leaves it has not, whether it answers, failures. */
  metrics(): string[] {
    const latest = this.deps.log.latest()?.size ?? 0;
    const label = (w: WitnessState) => `witness="${w.key.name.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
    return [
      '# HELP ledger_witness_cosigned_size Size of the latest checkpoint each witness cosigned (0: none yet).',
      '# TYPE ledger_witness_cosigned_size gauge',
      ...this.#witnesses.map((w) => `ledger_witness_cosigned_size{${label(w)}} ${w.cosigned?.size ?? 0}`),
      '# HELP ledger_witness_missing_leaves Leaves of the latest checkpoint no cosignature of the witness covers.',
      '# TYPE ledger_witness_missing_leaves gauge',
      ...this.#witnesses.map((w) => `ledger_witness_missing_leaves{${label(w)}} ${latest - (w.cosigned?.size ?? 0)}`),
      '# HELP ledger_witness_up 1 when the last submission to the witness got a cosignature, 0 when it failed.',
      '# TYPE ledger_witness_up gauge',
      ...this.#witnesses.flatMap((w) => (w.up === undefined ? [] : [`ledger_witness_up{${label(w)}} ${w.up ? 1 : 0}`])),
      '# HELP ledger_witness_failures_total Submissions that got no cosignature, by reason.',
      '# TYPE ledger_witness_failures_total counter',
      ...this.#witnesses.flatMap((w) =>
        [...w.failureCounts].map(([reason, n]) => `ledger_witness_failures_total{${label(w)},reason="${reason}"} ${n}`),
      ),
    ];
  }

  /** Stops retrying and waits for submissions in flight. */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const w of this.#witnesses) clearTimeout(w.timer);
    await Promise.all(this.#witnesses.map((w) => w.running));
  }

  #start(w: WitnessState): void {
    if (this.#stopped) return;
    if (w.running) {
      w.again = true;
      return;
    }
    w.running = this.#submit(w)
      .catch(() => {}) // #submit reports its own failures
      .finally(() => {
        w.running = undefined;
        for (const check of [...this.#waiters]) check();
        if (w.again && !w.timer) {
          w.again = false;
          this.#start(w);
        }
      });
  }

  async #submit(w: WitnessState): Promise<void> {
    const latest = this.deps.log.latest();
    if (!latest) return;
    if (w.cosigned && w.cosigned.size === latest.size && w.cosigned.rootHash === latest.rootHash) return;
    w.knownSize ??= this.#cosignedBefore(w);
    for (let hop = 0; hop <= MAX_SIZE_HOPS; hop++) {
      const old = w.knownSize ?? 0;
      if (old > latest.size) return this.#failed(w, latest, 'witness_ahead', false);
      const proof =
        old === 0 || old === latest.size ? [] : this.deps.log.consistency(old, latest.size).proof.map(fromBase64);
      let answer;
      try {
        answer = await this.deps.client.addCheckpoint(
          w.url,
          formatAddCheckpoint({ oldSize: old, proof, note: latest.note }),
        );
      } catch {
        return this.#failed(w, latest, 'unreachable', false);
      }
      if (answer.status === 409 && answer.contentType === SIZE_CONTENT_TYPE) {
        const size = parseSizeBody(answer.body);
        if (size !== undefined && size !== old) {
          w.knownSize = size;
          continue;
        }
      }
      if (answer.status !== 200) {
        return this.#failed(w, latest, `http_${answer.status}`, answer.status >= 400 && answer.status < 500);
      }
      const lines = answer.body.split('\n').filter((line) => line.length > 0);
      const checked = verifyCosignatures(addSignatureLines(latest.note, lines), [w.key]);
      const cosignature = checked?.valid[0];
      if (!cosignature) return this.#failed(w, latest, 'cosignature_invalid', false);
      await this.deps.record(latest, { ...cosignature, witness: cosignature.name });
      w.knownSize = latest.size;
      w.cosigned = { size: latest.size, rootHash: latest.rootHash };
      w.lines.set(idOf(latest), cosignature.line);
      while (w.lines.size > KEPT_LINES) w.lines.delete(w.lines.keys().next().value!);
      w.failures = 0;
      w.up = true;
      this.deps.onCosigned?.(w.key.name, latest.size);
      return;
    }
    return this.#failed(w, latest, 'old_size_unsettled', false);
  }

  /** The largest checkpoint this witness's cosignature was recorded for, from the recent checkpoints. */
  #cosignedBefore(w: WitnessState): number | undefined {
    for (const c of this.deps.log.list({ limit: 100 }).items) {
      if (c.cosignatures?.some((s) => s.witness === w.key.name && s.keyHash === w.key.keyHash)) {
        w.cosigned = { size: c.size, rootHash: c.rootHash };
        return c.size;
      }
    }
    return undefined;
  }

  #failed(w: WitnessState, latest: SignedCheckpoint, reason: string, refused: boolean): void {
    w.failures += 1;
    w.up = false;
    w.failureCounts.set(reason, (w.failureCounts.get(reason) ?? 0) + 1);
    const retryInMs = Math.min(this.deps.retryMaxMs, 1000 * 2 ** Math.min(w.failures - 1, 30));
    this.deps.onFailure?.({
      witness: w.key.name,
      url: w.url,
      size: latest.size,
      reason,
      refused,
      failures: w.failures,
      retryInMs,
    });
    if (this.#stopped) return;
    w.timer = setTimeout(() => {
      w.timer = undefined;
      this.#start(w);
    }, retryInMs);
    w.timer.unref();
  }
}

const fromBase64 = (h: string) => Buffer.from(h, 'base64');
