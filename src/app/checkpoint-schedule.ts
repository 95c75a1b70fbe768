import type { TransparencyLog } from './transparency-log.js';

export interface CheckpointScheduleOptions {
  /** Issue at least this often while the tree grows. */
  readonly intervalMs: number;
  /** Issue as soon as the tree has grown by this many leaves since the latest checkpoint. */
  readonly everyEvents: number;
  readonly onError?: (err: unknown) => void;
}

/**
 * Issues checkpoints on a schedule: every `intervalMs` when the tree has grown, and as soon as it has grown by
 * `everyEvents` leaves (checked after each batch the projection runner stores). One issue at a time.
 */
export class CheckpointSchedule {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<unknown> | undefined;

  constructor(
    private readonly log: TransparencyLog,
    private readonly options: CheckpointScheduleOptions,
  ) {}

  start(): void {
    this.#timer ??= setInterval(() => this.#issue(), this.options.intervalMs);
    this.#timer.unref();
  }

  /** Called after the runner stores a batch: issues when the tree outgrew the latest checkpoint by `everyEvents`. */
  applied(): void {
    const latest = this.log.latest()?.size ?? 0;
    if (this.log.tree().size - latest >= this.options.everyEvents) this.#issue();
  }

  /** Stops the timer and waits for an issue in progress. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }

  #issue(): void {
    if (this.#running) return;
    this.#running = this.log
      .issue()
      .catch((err: unknown) => this.options.onError?.(err))
      .finally(() => (this.#running = undefined));
  }
}
