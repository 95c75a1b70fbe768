import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { RecordedEvent } from '../../ports/event-store.js';
import { QUARANTINE, type CollectionSpec, type Doc, type QuarantineDoc } from '../../ports/read-models.js';

/** The collection of quarantined events, kept beside the projections' own. */
export const QUARANTINE_SPEC: CollectionSpec = { name: QUARANTINE, indexes: ['agency', 'position', 'projection'] };

/**
 * SQLite's answers that concern the statement's data, not the database: the same document is refused again on
 * every try (`malformed JSON` from a JSON function over a document nested past 1,000 levels, a value too big, a
 * constraint). Anything else (busy, locked, I/O, full, corrupt, closed) is the store's failure.
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

/** The document as stored; one that has no JSON text (too deep for the serializer, say) is refused. */
export function serialized(doc: Doc): string {
  try {
    return JSON.stringify(doc);
  } catch (err) {
    throw new DocumentRefused(`the document cannot be serialized: ${(err as Error).name}: ${(err as Error).message}`);
  }
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
