import {
  applicationDecider,
  applicationStream,
  type ApplicationEvent,
  type ApplicationState,
  type FiledData,
} from '../domain/application/application.js';
import { fold } from '../domain/decider.js';
import { notFound } from '../domain/errors.js';
import type { EventStore } from '../ports/event-store.js';
import { checkStoredEvents } from './stored-events.js';

/** An application as its stream records it: the filing (with its event's id and hash) and where it stands. */
export interface LoadedApplication {
  readonly filed: FiledData & { readonly eventId: string; readonly eventHash: string };
  readonly state: ApplicationState;
}

/**
 * The application's filing and current state, read from its stream (a few events) and checked as read back;
 * `404 not_found` when the agency has no such application.
 */
export async function loadApplication(
  events: Pick<EventStore, 'readStream'>,
  agency: string,
  applicationId: string,
): Promise<LoadedApplication> {
  const stream = applicationStream(agency, applicationId);
  const recorded = await events.readStream(stream);
  if (recorded.length === 0) throw notFound('no such application');
  const envelopes = recorded.map((r) => r.event);
  checkStoredEvents(stream, envelopes, { after: null });
  const first = envelopes[0]!;
  return {
    filed: { ...(first.data as unknown as FiledData), eventId: first.id, eventHash: first.hash },
    state: fold(
      applicationDecider,
      envelopes.map((e) => ({ type: e.type, data: e.data }) as ApplicationEvent),
    ),
  };
}
