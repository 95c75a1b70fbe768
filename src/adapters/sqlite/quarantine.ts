import fs from 'node:fs';
import Database from 'better-sqlite3';
import { mayNestDeeperThan, nestedDeeperThan } from '../../ledger/bundle-parse.js';
import type { RecordedEvent } from '../../ports/event-store.js';
import { QUARANTINE, type CollectionSpec, type Doc, type QuarantineDoc } from '../../ports/read-models.js';

/** The collection of quarantined events, kept beside the projections' own. */
export const QUARANTINE_SPEC: CollectionSpec = { name: QUARANTINE, indexes: ['agency', 'position', 'projection'] };

/**
 * SQLite's answers that concern the statement's data, not the database: the same document is refused again on
 * every try (a value too big, a constraint, `malformed JSON` from a JSON function). Anything else (busy, locked,
 * I/O, full, corrupt, closed) is the store's failure.
 */
const REFUSALS = new Set(['SQLITE_ERROR', 'SQLITE_TOOBIG', 'SQLITE_MISMATCH', 'SQLITE_RANGE']);

/** A document this store cannot keep: it cannot be serialized, or SQLite refuses it. */
export class DocumentRefused extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'DocumentRefused';
  }
}

export function refusalOf(err: unknown): DocumentRefused | undefined {
  if (err instanceof DocumentRefused) return err;
  // by name and code, not instanceof: the native addon keeps the error class of the first copy of the module loaded
  // in a process, which need not be this one (test runners load a fresh copy per file)
  const { name, code, message } = (err ?? {}) as { name?: unknown; code?: unknown; message?: unknown };
  if (name !== 'SqliteError' || typeof code !== 'string') return undefined;
  if (!REFUSALS.has(code) && !code.startsWith('SQLITE_CONSTRAINT')) return undefined;
  return new DocumentRefused(`${code}: ${String(message)}`);
}

/** Most levels of arrays and objects SQLite's JSON functions read (the outermost counting one). */
export const SQLITE_JSON_DEPTH = 1_000;

/**
 * The document as stored. One that has no JSON text (too deep for the serializer, say) is refused, and so is one
 * SQLite's JSON functions could not read: JSON.stringify writes nothing else they refuse but nesting past
 * {@link SQLITE_JSON_DEPTH} levels, which only a text holding more `[` and `{` than that can reach, so the rare
 * such text alone is walked (a check in SQL, `json_valid`, would parse every document written).
 */
export function serialized(doc: Doc): string {
  let json: string;
  try {
    json = JSON.stringify(doc);
  } catch (err) {
    throw new DocumentRefused(`the document cannot be serialized: ${(err as Error).name}: ${(err as Error).message}`);
  }
  // the text, not `doc`, since it is what SQLite would read (a member's toJSON may have changed it)
  if (mayNestDeeperThan(json, SQLITE_JSON_DEPTH) && nestedDeeperThan(JSON.parse(json), SQLITE_JSON_DEPTH)) {
    throw new DocumentRefused(`the document is nested too deep for SQLite's JSON (over ${SQLITE_JSON_DEPTH} levels)`);
  }
  return json;
}

export function searchText(text: (doc: Doc) => string, doc: Doc): string {
  try {
    return text(doc);
  } catch (err) {
    throw new DocumentRefused(`the document's text cannot be made: ${(err as Error).name}: ${(err as Error).message}`);
  }
}

export function quarantineDoc(recorded: RecordedEvent, projection: string, reason: string): QuarantineDoc {
  const { event, position } = recorded;
  return {
    projection,
    position,
    eventId: event.id,
    stream: event.stream,
    type: event.type,
    agency: event.actor.agency,
    recordedAt: event.recordedAt,
    reason: reason.slice(0, 500),
  };
}

/**
 * The quarantined events stored in a read-model file, oldest first, read without writing (for `ledger check`,
 * also while the service runs); none when the file or its quarantine does not exist.
 */
export function readQuarantine(file: string): QuarantineDoc[] {
  if (!fs.existsSync(file)) return [];
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(`doc_${QUARANTINE}`);
    if (!table) return [];
    const rows = db
      .prepare(`SELECT doc FROM doc_${QUARANTINE} ORDER BY json_extract(doc, '$.position'), key`)
      .all() as { doc: string }[];
    return rows.map((row) => JSON.parse(row.doc) as QuarantineDoc);
  } finally {
    db.close();
  }
}
