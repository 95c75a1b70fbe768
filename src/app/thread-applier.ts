import { Worker } from 'node:worker_threads';
import type { Position } from '../ports/event-store.js';
import { fromWire, type ApplierAnswer, type ApplierRequest, type ThreadPriority } from './applier-thread.js';
import type { AppliedBatch, HandedEvent, ProjectionApplier } from './projection-applier.js';

export interface ThreadApplierOptions {
  /**
   * The module the thread runs: it opens the read-model store's write connection and the projections, and serves
   * the requests with `serveApplier` (`src/projection-thread.ts`).
   */
  readonly entry: URL;
  /** Handed to the thread as its `workerData` (besides `entry`): where the store is, which projections. */
  readonly data: Readonly<Record<string, unknown>>;
  /** How long `close` waits for the thread to close its store before stopping it. Default 10 s. */
  readonly closeTimeoutMs?: number;
}

/** The projection thread stopped (an uncaught error, or it exited): what it was asked is lost, not stored. */
export class ProjectionThreadStopped extends Error {
  constructor(reason: string, options?: { cause?: unknown }) {
    super(`the projection thread stopped: ${reason}`, options);
    this.name = 'ProjectionThreadStopped';
  }
}

type Request = ApplierRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

interface Waiting {
  readonly resolve: (answer: ApplierAnswer & { ok: true }) => void;
  readonly reject: (err: Error) => void;
  /** The last position of the batch asked to be applied. */
  readonly last?: Position;
}

/**
 * Applies batches on a worker thread of its own, which owns the read-model store's write connection: the
 * projections' work and the commits never run on the thread that answers HTTP. The thread starts with the first
 * request; when it stops (an uncaught error, a crash), the requests it held fail, the listeners given to
 * {@link watch} are told, and the next request starts a new thread from the stored position, applying the
 * batches the old one held event by event.
 */
export class ThreadApplier implements ProjectionApplier {
  #worker: Worker | undefined;
  readonly #waiting = new Map<number, Waiting>();
  readonly #listeners: ((err: Error) => void)[] = [];
  #nextId = 0;
  #suspectUntil: Position = 0;
  #closed = false;
  #priority: ThreadPriority | undefined;

  constructor(private readonly options: ThreadApplierOptions) {}

  async open(): Promise<Position> {
    const answer = await this.#ask({ type: 'open' });
    this.#priority = answer.priority;
    return answer.position!;
  }

  /** The thread's scheduling priority as it said when opened, where it was asked to lower it. */
  get priority(): ThreadPriority | undefined {
    return this.#priority;
  }

  async reset(): Promise<void> {
    await this.#ask({ type: 'reset' });
    this.#suspectUntil = 0;
  }

  /** An event given as its stored text crosses as that string (a copy) and is parsed on the thread. */
  async apply(batch: readonly HandedEvent[], after?: Position): Promise<AppliedBatch> {
    const last = batch.at(-1)?.position;
    const request = {
      type: 'apply',
      events: batch,
      suspectUntil: this.#suspectUntil,
      ...(after === undefined ? {} : { after }),
    } as const;
    const { applied } = await this.#ask(request, last);
    if (applied!.position >= this.#suspectUntil) this.#suspectUntil = 0;
    return applied!;
  }

  watch(listener: (err: Error) => void): void {
    this.#listeners.push(listener);
  }

  /** Asks the thread to close its store and waits for it to end (stopping it past the timeout). */
  async close(): Promise<void> {
    this.#closed = true;
    const worker = this.#worker;
    this.#worker = undefined;
    this.#failWaiting(new ProjectionThreadStopped('closed'));
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ type: 'close' });
    const timer = setTimeout(() => void worker.terminate(), this.options.closeTimeoutMs ?? 10_000);
    await exited;
    clearTimeout(timer);
  }

  #ask(request: Request, last?: Position): Promise<ApplierAnswer & { ok: true }> {
    if (this.#closed) return Promise.reject(new ProjectionThreadStopped('closed'));
    const worker = this.#start();
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject, ...(last === undefined ? {} : { last }) });
      worker.ref();
      worker.postMessage({ ...request, id });
    });
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('../thread-bootstrap.mjs', import.meta.url), {
      workerData: { ...this.options.data, entry: this.options.entry.href },
    });
    this.#worker = worker;
    worker.unref();
    worker.on('message', (answer: ApplierAnswer) => this.#answered(worker, answer));
    worker.on('error', (err) => this.#stopped(worker, new ProjectionThreadStopped(err.message, { cause: err })));
    worker.on('exit', (code) => this.#stopped(worker, new ProjectionThreadStopped(`exit code ${code}`)));
    return worker;
  }

  #answered(worker: Worker, answer: ApplierAnswer): void {
    const waiting = this.#waiting.get(answer.id);
    if (!waiting) return;
    this.#waiting.delete(answer.id);
    if (this.#waiting.size === 0) worker.unref();
    if (answer.ok) waiting.resolve(answer);
    else waiting.reject(fromWire(answer.error));
  }

  /** The thread ended on its own: fail what it held, mark those batches suspect, tell the listeners. */
  #stopped(worker: Worker, err: Error): void {
    if (this.#worker !== worker) return; // closed, or already replaced
    this.#worker = undefined;
    for (const waiting of this.#waiting.values()) {
      if (waiting.last !== undefined) this.#suspectUntil = Math.max(this.#suspectUntil, waiting.last);
    }
    this.#failWaiting(err);
    for (const listener of this.#listeners) listener(err);
  }

  #failWaiting(err: Error): void {
    const waiting = [...this.#waiting.values()];
    this.#waiting.clear();
    for (const w of waiting) w.reject(err);
  }
}
