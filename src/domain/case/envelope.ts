import type { EventEnvelope } from '../../ledger/envelope.js';
import type { ActType, RecordedCaseEvent } from './acts.js';

/**
 * A case event read back from its envelope: `data` is the act's data with what the rules derived; the officers an
 * act named (other than `CaseOpened`, whose data lists them) travel in `data.officers` and come back out of it.
 */
export function caseEventOf(envelope: EventEnvelope): RecordedCaseEvent {
  const { officers, ...rest } = envelope.data as Record<string, unknown> & { officers?: string[] };
  const opened = envelope.type === 'CaseOpened';
  return {
    id: envelope.id,
    type: envelope.type as ActType,
    occurredAt: envelope.occurredAt,
    actor: envelope.actor,
    data: opened ? envelope.data : rest,
    media: envelope.media,
    ...(officers && !opened ? { officers } : {}),
  } as RecordedCaseEvent;
}
