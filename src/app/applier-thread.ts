import type { MessagePort } from 'node:worker_threads';
import type { Position } from '../ports/event-store.js';
import type { BatchOpener } from './free-text-opener.js';
import type { AppliedBatch, HandedEvent, InProcessApplier } from './projection-applier.js';

/** What became of a thread's priority: the nice value it now runs at, or why it was left as it was. */
export type ThreadPriority = { readonly nice: number } | { readonly unchanged: string };

/** What the main thread asks of the projection thread; each request is answered once, by its `id`. */
export type ApplierRequest =
  | { readonly type: 'open'; readonly id: number }
  | { readonly type: 'reset'; readonly id: number }
  | {
      readonly type: 'apply';
      readonly id: number;
      /** Parsed, or as stored (their JSON text, parsed here). */
      readonly events: readonly HandedEvent[];
      readonly after?: Position;
      /** Apply the events up to this position one by one (a batch up to it failed with an earlier thread). */
      readonly suspectUntil: Position;
    };

/** An error as it crosses threads: its name, message and code (a class does not survive the copy). */
export interface WireError {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
}

export type ApplierAnswer =
  | {
      readonly id: number;
      readonly ok: true;
      readonly position?: Position;
      readonly applied?: AppliedBatch;
      /** In the answer to `open`: the thread's scheduling priority, where it was asked to lower it. */
      readonly priority?: ThreadPriority;
    }
  | { readonly id: number; readonly ok: false; readonly error: WireError };

/**
 * The projection thread's side: answers the main thread's requests with `applier`, one at a time in the order
 * they arrive (the message port queues the rest: the main thread keeps at most two batches there). With `open`,
 * the thread opens each batch's sealed free text itself before applying it (the batches then come unopened). `close`
 * closes the store (`onClose`) once the requests before it are answered, and the port, and the thread ends. The
 * answer to `open` carries `priority`, what the thread made of the priority it was asked to run at.
 */
export function serveApplier(
  port: MessagePort,
  applier: InProcessApplier,
  onClose: () => void,
  open?: BatchOpener,
  priority?: ThreadPriority,
): void {
  let served: Promise<void> = Promise.resolve();
  const serve = async (request: ApplierRequest | { readonly type: 'close' }): Promise<void> => {
    if (request.type === 'close') {
      onClose();
      port.close();
      return;
    }
    try {
      port.postMessage(await answer(applier, request, open, priority));
    } catch (err) {
      port.postMessage({ id: request.id, ok: false, error: toWire(err) } satisfies ApplierAnswer);
    }
  };
  port.on('message', (request: ApplierRequest | { readonly type: 'close' }) => {
    served = served.then(() => serve(request));
  });
}

async function answer(
  applier: InProcessApplier,
  request: ApplierRequest,
  open: BatchOpener | undefined,
  priority: ThreadPriority | undefined,
): Promise<ApplierAnswer> {
  switch (request.type) {
    case 'open':
      return { id: request.id, ok: true, position: applier.positionSync(), ...(priority ? { priority } : {}) };
    case 'reset':
      applier.resetSync();
      return { id: request.id, ok: true, position: applier.positionSync() };
    case 'apply': {
      const events = open ? await open(request.events) : request.events;
      if (request.suspectUntil > 0) applier.suspect(request.suspectUntil);
      return { id: request.id, ok: true, applied: applier.applySync(events, request.after) };
    }
  }
}

export function toWire(err: unknown): WireError {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err) };
  const code = (err as { code?: unknown }).code;
  return { name: err.name, message: err.message, ...(typeof code === 'string' ? { code } : {}) };
}

export function fromWire(wire: WireError): Error {
  const err = new Error(wire.message);
  err.name = wire.name;
  return wire.code === undefined ? err : Object.assign(err, { code: wire.code });
}
