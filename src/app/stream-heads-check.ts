import { IntegrityFault } from '../errors.js';
import { envelopeShapeDefect } from '../ledger/verify.js';
import type { StreamHead } from '../ledger/envelope.js';
import type { EventStore, Position } from '../ports/event-store.js';
import type { Fault } from './ledger-check.js';

/** Stream heads read per page. */
const PAGE = 5000;

/**
 * For stores that record each stream's head apart from its events (the embedded store's `streams` table, the row
 * every append compares-and-sets): each recorded head must be the stream's last event as the walk of the log found
 * it. A head past the last stored event is `stream_truncated` (the stream's last events were deleted and its head
 * left behind); any other difference, or a stream with events and no head, is `stream_head_mismatch` (the stream
 * cannot be written until it is repaired). Events appended after the walk (`walkedTo`) are not faults: such a
 * stream is read again and compared with its current last event.
 */
export async function checkStreamHeads(
  events: EventStore,
  walked: ReadonlyMap<string, StreamHead>,
  walkedTo: Position,
  fault: (f: Fault) => void,
): Promise<void> {
  if (!events.streamHeads) return;
  const recorded = new Set<string>();
  let after: string | undefined;
  for (;;) {
    const page = await events.streamHeads({ limit: PAGE, ...(after === undefined ? {} : { after }) });
    for (const head of page) {
      recorded.add(head.stream);
      const seen = walked.get(head.stream);
      if (seen && seen.revision === head.revision && seen.hash === head.hash) continue;
      let last;
      try {
        [last] = await events.readStream(head.stream, { direction: 'backward', limit: 1 });
      } catch (err) {
        if (!(err instanceof IntegrityFault)) throw err;
        // the walk named the event (malformed_event); the head cannot be compared with it
        fault({
          code: 'stream_head_mismatch',
          detail: `the store records the head at revision ${head.revision}, but the stream's last stored event cannot be read: ${err.message}`,
          stream: head.stream,
        });
        continue;
      }
      const defect = last && envelopeShapeDefect(last.event);
      if (defect) {
        fault({
          code: 'stream_head_mismatch',
          detail: `the store records the head at revision ${head.revision}, but the stream's last stored event is not an event (${defect})`,
          stream: head.stream,
        });
        continue;
      }
      if (last && last.position > walkedTo && last.event.revision === head.revision && last.event.hash === head.hash) {
        continue; // written since the walk
      }
      const stored = last ? `revision ${last.event.revision}` : 'no event';
      if (!last || head.revision > last.event.revision) {
        fault({
          code: 'stream_truncated',
          detail: `the store records the head at revision ${head.revision}, but the stream's last stored event is ${stored}: its last events were deleted`,
          stream: head.stream,
        });
      } else {
        fault({
          code: 'stream_head_mismatch',
          detail: `the store records the head as revision ${head.revision}, hash ${head.hash.slice(0, 16)}…; its last event is ${stored}, hash ${last.event.hash.slice(0, 16)}…`,
          stream: head.stream,
        });
      }
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.stream;
  }
  for (const [stream, seen] of walked) {
    if (!recorded.has(stream)) {
      fault({
        code: 'stream_head_mismatch',
        detail: `the stream has events up to revision ${seen.revision} but the store records no head for it`,
        stream,
      });
    }
  }
}
