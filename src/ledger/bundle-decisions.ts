import type { Held, HeldEvent } from './bundle-checks.js';
import { parseJson } from './bundle-parse.js';
import type { DecisionReport } from './bundle-report.js';

/**
 * The case's decisions as its verified events record them (docs/integrity.md §13.4): what a clerk knows the case by
 * (the decision document's number, 文书号) beside the case id, from the `DecisionIssued` events, each with the later
 * corrections (`RecordCorrected`) that name it. A correction's members are sealed (privacy.md), so the report says
 * only that one exists; the case file shows what it changed.
 */

const ISSUED = 'DecisionIssued';
const CORRECTED = 'RecordCorrected';

/** Whether the decisions of the report read again the file of an event of this type. */
export function decisionReadsFile(type: string): boolean {
  return type === ISSUED || type === CORRECTED;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * Reads the held files of the case's decisions and corrections, of events already checked (their shape, hash and
 * signatures): an absent or other-typed member is left out, never guessed.
 */
export function decisionsOf(h: Held, events: readonly HeldEvent[]): DecisionReport[] {
  const decisions: { eventId: string; revision: number; fields: Record<string, string>; correctedBy: string[] }[] = [];
  const byId = new Map<string, (typeof decisions)[number]>();
  for (const event of events) {
    if (!decisionReadsFile(event.type)) continue;
    const bytes = h.files.get(event.name);
    if (!bytes) continue;
    const data = (parseJson(bytes, event.name, 'malformed_event') as { data?: Record<string, unknown> }).data ?? {};
    if (event.type === ISSUED) {
      const fields: Record<string, string> = {};
      for (const member of ['documentNo', 'decisionType', 'decidedOn'] as const) {
        const value = text(data[member]);
        if (value !== undefined) fields[member] = value;
      }
      const decision = { eventId: event.id, revision: event.revision, fields, correctedBy: [] };
      decisions.push(decision);
      byId.set(event.id, decision);
    } else {
      const corrects = text(data.corrects);
      if (corrects !== undefined) byId.get(corrects)?.correctedBy.push(event.id);
    }
  }
  return decisions.map(({ eventId, revision, fields, correctedBy }) => ({
    eventId,
    revision,
    ...fields,
    ...(correctedBy.length > 0 ? { correctedBy } : {}),
  }));
}
