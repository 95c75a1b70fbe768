import { CanonicalizationError } from '../ledger/canonical-json.js';
import type { PublicKeyResolver } from '../ledger/ed25519.js';
import { suiteOfAlg, suiteOfEvent } from '../ledger/suite.js';
import { computeEventHash, eventSigningInput, type EventEnvelope, type StreamHead } from '../ledger/envelope.js';
import { GENESIS_PREV } from '../ledger/hash.js';
import { IntegrityFault } from '../errors.js';

export interface StoredEventCheck {
  /**
   * The head the events continue (a trusted, already checked event): the first event must be the next revision and
   * link to it. `null`: the events start the stream (revision 0, genesis link). Undefined: the events are a part
   * of the stream whose first link is not checked (e.g. only its last event).
   */
  readonly after?: StreamHead | null;
  /** Also verify each event's service signature with these keys (current and retired). */
  readonly keys?: PublicKeyResolver;
}

/**
 * Checks events read back from the store before the service serves them or chains onto them: each event's content
 * still hashes to its `hash` (the canonical form is recomputed), it belongs to `stream`, revisions follow one
 * another and each `prev` is the hash of the event before; with `keys`, each service signature verifies too.
 * Throws {@link IntegrityFault} naming the stream, revision and event id of the first event that fails.
 */
export function checkStoredEvents(
  stream: string,
  events: readonly EventEnvelope[],
  options: StoredEventCheck = {},
): void {
  let expected: StreamHead | undefined =
    options.after === null ? { revision: -1, hash: GENESIS_PREV } : (options.after ?? undefined);
  for (const event of events) {
    const fault = (what: string) =>
      new IntegrityFault(`stored event ${event.id} (stream ${stream}, revision ${event.revision}): ${what}`, {
        stream,
        revision: event.revision,
        eventId: event.id,
      });
    if (event.stream !== stream) throw fault(`it belongs to stream ${String(event.stream)}`);
    if (expected) {
      if (event.revision !== expected.revision + 1) throw fault(`revision ${expected.revision + 1} was expected`);
      if (event.prev !== expected.hash) throw fault('its prev is not the hash of the event before it');
    }
    let hash: string;
    try {
      hash = computeEventHash(event, suiteOfEvent(event));
    } catch (err) {
      if (!(err instanceof CanonicalizationError) && !(err instanceof TypeError)) throw err;
      throw fault('its content has no canonical form');
    }
    if (hash !== event.hash) throw fault('its content no longer hashes to its recorded hash');
    if (options.keys) {
      const suite = suiteOfAlg(event.sig?.alg);
      const key = suite ? options.keys(event.sig.keyId) : undefined;
      const signature = typeof event.sig?.value === 'string' ? Buffer.from(event.sig.value, 'base64') : undefined;
      if (!suite || !key || !signature || !suite.verify(key, eventSigningInput(event.hash), signature)) {
        throw fault('its service signature does not verify with the service keys');
      }
    }
    expected = { revision: event.revision, hash: event.hash };
  }
}
