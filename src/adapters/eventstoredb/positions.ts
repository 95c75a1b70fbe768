import type { Position } from '../../ports/event-store.js';

/**
 * The global position of the port, made from EventStoreDB's `$all` position.
 *
 * EventStoreDB numbers events by log position: the byte offset of the event's record in the transaction log. An
 * append over gRPC writes its events as consecutive, self-committing records, so every event has a position of its
 * own, `$all` is ordered by it, and the positions of one append are neither consecutive integers nor known before
 * the write. (The append's reply carries a single position for the whole append, that of its last event. Reads
 * give an event's own position as its commit position; older servers (20.x–21.x) give the position of the append's
 * first record as its prepare position, later ones the event's own again.)
 *
 * The port wants a number that is strictly increasing in `$all` order, unique per event, and consecutive within an
 * append. So the position of the event with index `i` in an append whose first event is at log position `L` is
 *
 *     L × 2^7 + i
 *
 * The adapter writes `i` into each event's metadata (`{"appendIndex": i}`); `L` is the log position of the event
 * at index 0, read from the store. Two appends never share a first log position and every record is longer than
 * one byte, so the order of `$all` is kept; the low seven bits let one append hold 128 events (the service records
 * at most 100 per command). Going back, `L = ⌊n / 2^7⌋` is the record to read `$all` from; the events of that
 * append up to index `i` are then skipped.
 *
 * Limits: the position must stay an exact JavaScript integer, so the log may grow to 2^53 / 2^7 bytes (64 TiB);
 * the HTTP API takes positions of at most 15 digits (`?consistentWith=`, `Last-Event-ID`), which it reaches at a
 * log of about 7.8 TB. Events written without the metadata (not by this adapter) count as appends of one event.
 */
export const APPEND_INDEX_BITS = 7;

/** The most events one append may hold. */
export const MAX_EVENTS_PER_APPEND = 2 ** APPEND_INDEX_BITS;

const SCALE = 2 ** APPEND_INDEX_BITS;

/** The largest log position the mapping can express. */
export const MAX_LOG_POSITION = BigInt(Math.floor(Number.MAX_SAFE_INTEGER / SCALE));

/** The port position of the event with index `index` in the append whose first event is at `appendLogPosition`. */
export function toPosition(appendLogPosition: bigint, index: number): Position {
  if (!Number.isInteger(index) || index < 0 || index >= SCALE) {
    throw new RangeError(`append index ${index} is outside 0..${SCALE - 1}`);
  }
  if (appendLogPosition < 0n || appendLogPosition > MAX_LOG_POSITION) {
    throw new RangeError(
      `EventStoreDB log position ${appendLogPosition} is beyond what a position can express (${MAX_LOG_POSITION})`,
    );
  }
  return Number(appendLogPosition) * SCALE + index;
}

/** The log position of the first event of the position's append, and the event's index in it. */
export function fromPosition(position: Position): { appendLogPosition: bigint; index: number } {
  if (!Number.isSafeInteger(position) || position < 0) throw new RangeError(`${position} is not a log position`);
  return { appendLogPosition: BigInt(Math.floor(position / SCALE)), index: position % SCALE };
}
