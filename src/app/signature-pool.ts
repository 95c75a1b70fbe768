import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { KeyObject } from 'node:crypto';
import type { SignatureCheck, SignatureChecker } from '../ledger/signature-checker.js';
import type { SignatureAnswer, SignatureBatch } from './signature-worker.js';

/** The number of cores this process may use: the default number of threads. */
export function availableCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

interface Thread {
  readonly worker: Worker;
  /** Signatures sent and not answered yet. */
  pending: number;
}

interface Waiting {
  readonly thread: Thread;
  readonly size: number;
  readonly resolve: (valid: (boolean | undefined)[]) => void;
  readonly reject: (err: Error) => void;
}

/**
 * Checks Ed25519 and SM2 signatures on a pool of worker threads (docs/integrity.md §13.5 and §17,
 * `ledger verify --threads`): each batch goes to the thread with the least work queued, whole, and its answers come
 * back in order. The threads start
 * with the first batch, so a pool that is never used costs nothing; `close` stops them. A thread that fails fails
 * the batches it holds and the pool: the verifier then checks those signatures itself.
 */
export class SignaturePool implements SignatureChecker {
  #threads: Thread[] | undefined;
  readonly #waiting = new Map<number, Waiting>();
  #nextId = 0;
  #broken: Error | undefined;

  /** Batches in hand at once: one being checked and two queued per thread, so that no thread waits for work. */
  readonly capacity: number;

  constructor(readonly size: number = availableCores()) {
    if (!Number.isSafeInteger(size) || size < 1) throw new RangeError('a signature pool needs at least one thread');
    this.capacity = 64 * size;
  }

  check(batch: readonly SignatureCheck[]): Promise<(boolean | undefined)[]> {
    if (this.#broken) return Promise.reject(this.#broken);
    const valid: (boolean | undefined)[] = new Array(batch.length);
    const sent: number[] = [];
    for (let i = 0; i < batch.length; i++) {
      // an Ed25519 signature has 64 bytes: anything else is invalid without asking (as verifyEd25519 answers)
      const c = batch[i]!;
      if (c.alg === 'SM2-SM3' || c.signature.byteLength === 64) sent.push(i);
      else valid[i] = false;
    }
    if (sent.length === 0) return Promise.resolve(valid);
    const thread = this.#start().reduce((a, b) => (b.pending < a.pending ? b : a));
    const id = this.#nextId++;
    const message = pack(
      id,
      sent.map((i) => batch[i]!),
    );
    return new Promise<(boolean | undefined)[]>((resolve, reject) => {
      this.#waiting.set(id, {
        thread,
        size: sent.length,
        resolve: (answers) => {
          sent.forEach((i, k) => (valid[i] = answers[k]));
          resolve(valid);
        },
        reject,
      });
      thread.pending += sent.length;
      thread.worker.ref();
      const { keyIndex, messages, ends, algs, signatureEnds, signatures } = message;
      const moved = [keyIndex, messages, ends, algs, signatureEnds, signatures].map((a) => a.buffer as ArrayBuffer);
      thread.worker.postMessage(message, moved);
    });
  }

  /** Stops the threads; batches not answered yet are failed. */
  async close(): Promise<void> {
    const threads = this.#threads ?? [];
    this.#threads = undefined;
    this.#broken ??= new Error('the signature pool is closed');
    this.#failWaiting(this.#broken);
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }

  #start(): Thread[] {
    if (this.#threads) return this.#threads;
    this.#threads = Array.from({ length: this.size }, () => {
      const worker = new Worker(new URL('../thread-bootstrap.mjs', import.meta.url), {
        // `.ts` from the sources (the bootstrap then registers tsx), `.js` compiled in dist/
        workerData: { entry: new URL(`./signature-worker${path.extname(import.meta.url)}`, import.meta.url).href },
      });
      const thread: Thread = { worker, pending: 0 };
      worker.unref();
      worker.on('message', (answer: SignatureAnswer) => this.#answered(thread, answer));
      worker.on('error', (err) => this.#fail(err));
      worker.on('exit', (code) => {
        if (this.#threads) this.#fail(new Error(`a signature thread stopped (exit code ${code})`));
      });
      return thread;
    });
    return this.#threads;
  }

  #answered(thread: Thread, answer: SignatureAnswer): void {
    const waiting = this.#waiting.get(answer.id);
    if (!waiting) return;
    this.#waiting.delete(answer.id);
    thread.pending -= waiting.size;
    if (thread.pending === 0) thread.worker.unref();
    waiting.resolve(Array.from(answer.valid, (v) => (v === 2 ? undefined : v === 1)));
  }

  #fail(err: Error): void {
    this.#broken ??= err;
    this.#failWaiting(err);
    const threads = this.#threads ?? [];
    this.#threads = undefined;
    for (const t of threads) void t.worker.terminate();
  }

  #failWaiting(err: Error): void {
    for (const waiting of this.#waiting.values()) waiting.reject(err);
    this.#waiting.clear();
  }
}

/** One batch as the threads take it: flat buffers, moved rather than copied, and each key once. */
function pack(id: number, checks: readonly SignatureCheck[]): SignatureBatch {
  const keys: KeyObject[] = [];
  const keyIndex = new Uint16Array(checks.length);
  const ends = new Uint32Array(checks.length);
  const algs = new Uint8Array(checks.length);
  const signatureEnds = new Uint32Array(checks.length);
  let total = 0;
  let signatureTotal = 0;
  for (const c of checks) {
    total += c.message.byteLength;
    signatureTotal += c.signature.byteLength;
  }
  const messages = new Uint8Array(total);
  const signatures = new Uint8Array(signatureTotal);
  let at = 0;
  let signatureAt = 0;
  checks.forEach((c, i) => {
    let k = keys.indexOf(c.publicKey);
    if (k < 0) k = keys.push(c.publicKey) - 1;
    if (k > 0xffff) throw new RangeError('too many keys in one batch');
    keyIndex[i] = k;
    messages.set(c.message, at);
    at += c.message.byteLength;
    ends[i] = at;
    algs[i] = c.alg === 'SM2-SM3' ? 1 : 0;
    signatures.set(c.signature, signatureAt);
    signatureAt += c.signature.byteLength;
    signatureEnds[i] = signatureAt;
  });
  return { id, keys, keyIndex, messages, ends, algs, signatureEnds, signatures };
}
