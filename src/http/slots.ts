import { VerificationsBusy } from '../errors.js';

export interface SlotsOptions {
  /** Work items that may run at once (at least 1). */
  readonly concurrency: number;
  /** Items that may wait for a slot; one more is refused. */
  readonly queue: number;
  /** What a refused client is told to wait, in seconds. */
  readonly retryAfterSeconds: number;
}

/**
 * A bounded number of slots for expensive work (bundle verification), with a small FIFO queue in front of them:
 * `acquire` resolves with a release function once a slot is free, or throws {@link VerificationsBusy} at once when
 * every slot is taken and the queue is full. A waiter whose client goes away (`signal`) leaves the queue.
 */
export class Slots {
  #active = 0;
  readonly #waiting: { grant: () => void; cancel: () => void }[] = [];

  constructor(private readonly options: SlotsOptions) {
    if (!(Number.isInteger(options.concurrency) && options.concurrency >= 1)) {
      throw new RangeError('concurrency must be a positive integer');
    }
  }

  /** Work items holding a slot. */
  get active(): number {
    return this.#active;
  }

  /** True when {@link acquire} would refuse. */
  get full(): boolean {
    return this.#active >= this.options.concurrency && this.#waiting.length >= this.options.queue;
  }

  /** Work items waiting for one. */
  get waiting(): number {
    return this.#waiting.length;
  }

  async acquire(signal?: AbortSignal): Promise<() => void> {
    if (this.#active < this.options.concurrency) {
      this.#active += 1;
      return this.#releaser();
    }
    if (this.#waiting.length >= this.options.queue) throw new VerificationsBusy(this.options.retryAfterSeconds);
    return new Promise<() => void>((resolve, reject) => {
      const waiter = {
        grant: () => {
          signal?.removeEventListener('abort', waiter.cancel);
          resolve(this.#releaser());
        },
        cancel: () => {
          const at = this.#waiting.indexOf(waiter);
          if (at >= 0) this.#waiting.splice(at, 1);
          reject(signal?.reason ?? new Error('the client went away'));
        },
      };
      signal?.addEventListener('abort', waiter.cancel, { once: true });
      this.#waiting.push(waiter);
    });
  }

  /** A function that gives the slot back once, to the first waiter if there is one. */
  #releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      if (next)
        next.grant(); // the slot passes on: `active` is unchanged
      else this.#active -= 1;
    };
  }
}

/** `/metrics` lines: verifications running and waiting. */
export function verifyMetrics(slots: Slots): string[] {
  return [
    '# HELP ledger_verify_active Bundle verifications (POST /v1/verify) running.',
    '# TYPE ledger_verify_active gauge',
    `ledger_verify_active ${slots.active}`,
    '# HELP ledger_verify_waiting Bundle verifications waiting for a slot.',
    '# TYPE ledger_verify_waiting gauge',
    `ledger_verify_waiting ${slots.waiting}`,
  ];
}
