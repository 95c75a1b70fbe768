import { randomUUID } from 'node:crypto';
import { sealEvents } from '../../src/ledger/envelope.js';
import type { TestService } from './service.js';

/**
 * Appends one event as it stands, signed by the service's key but past its rules: a record today's rules refuse and
 * an older record may hold (a seizure without its recording, an amendment no route makes). The actor is the agency's
 * head; `occurredAt` is as given.
 */
export async function appendPastRules(
  t: TestService,
  stream: string,
  type: string,
  data: Record<string, unknown>,
  options: { readonly agency: string; readonly occurredAt: string },
): Promise<number> {
  const [last] = await t.service.events.readStream(stream, { direction: 'backward', limit: 1 });
  const head = last ? { revision: last.event.revision, hash: last.event.hash } : null;
  const draft = {
    id: randomUUID(),
    type,
    schemaVersion: 1,
    occurredAt: options.occurredAt,
    actor: { sub: `head-${options.agency}`, agency: options.agency, roles: ['admin'] },
    data,
    media: [],
  };
  const sealed = sealEvents(stream, head, [draft], t.service.keys.eventSigner, new Date().toISOString());
  return (await t.service.events.append(stream, sealed, head ? head.revision : 'no_stream')).position;
}
