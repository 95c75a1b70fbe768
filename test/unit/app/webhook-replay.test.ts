import { WebhookService, MAX_REPLAY_EVENTS } from '../../../src/app/webhooks/webhook-service.js';
import type { AgencyReadOptions, EventStore, RecordedEvent } from '../../../src/ports/event-store.js';
import type { NewDelivery, StoredWebhook, WebhookOutboxStore } from '../../../src/ports/webhook-outbox.js';

const A = 'county-justice';
const B = 'city-market';
const actor = { sub: 'erp', agency: A, roles: ['integration' as const] };
const webhook: StoredWebhook = {
  id: '0b6d8c2e-5d7a-4c1e-9f3b-2a4e6c8d0f11',
  agency: A,
  url: 'https://receiver.example/hook',
  signing: 'hmac-sha256',
  keyGeneration: 1,
  keyId: 'k'.repeat(22),
  enabled: true,
  deleted: false,
  revision: 0,
  createdAt: '2026-11-30T00:00:00.000Z',
  subscribedPosition: 1,
};

/** A log of `size` events, one in `every` of agency A's cases, the rest of agency B's. */
function logOf(size: number, every: number): RecordedEvent[] {
  return Array.from({ length: size }, (_, i) => {
    const position = i + 1;
    const agency = position % every === 0 ? A : B;
    const event = {
      id: `e-${position}`,
      stream: `case-${agency}:c-${position}`,
      revision: 0,
      type: 'EvidenceCollected',
      recordedAt: '2026-11-30T00:00:00.000Z',
    };
    return { position, event } as unknown as RecordedEvent;
  });
}

/** A replay over `log`, with the events it reads counted: the whole log's, and the agencies' through their index. */
function replaying(log: readonly RecordedEvent[]) {
  const read = { wholeLog: 0, agencies: 0 };
  const requeued: NewDelivery[] = [];
  const events = {
    readAll: async ({ after = 0, limit = 1_000 } = {}) => {
      const page = log.filter((r) => r.position > after).slice(0, limit);
      read.wholeLog += page.length;
      return page;
    },
    readAgencies: async ({ agencies, after = 0, limit, types }: AgencyReadOptions) => {
      const page = log
        .filter((r) => r.position > after && agencies.some((a) => r.event.stream.startsWith(`case-${a}:`)))
        .filter((r) => types === undefined || types.includes(r.event.type))
        .slice(0, limit);
      read.agencies += page.length;
      return page;
    },
    headPosition: async () => log.length,
  } as unknown as EventStore;
  const store = {
    webhook: () => webhook,
    position: () => log.length,
    requeue: (deliveries: readonly NewDelivery[]) => (requeued.push(...deliveries), deliveries.length),
  } as unknown as WebhookOutboxStore;
  const service = new WebhookService({
    events,
    store,
    clock: { now: () => new Date('2026-12-01T00:00:00Z') },
    delivers: true,
  } as unknown as ConstructorParameters<typeof WebhookService>[0]);
  return { service, read, requeued };
}

describe('a webhook replay', () => {
  it("when the log holds mostly other agencies' events, then the replay reads the agency's events only, never the whole log", async () => {
    const { service, read, requeued } = replaying(logOf(20_000, 100));
    const answer = await service.replay(actor, webhook.id, 1);
    expect(answer).toEqual({ requeued: 200, through: 20_000 });
    expect(requeued.map((d) => d.position)).toEqual(Array.from({ length: 200 }, (_, i) => (i + 1) * 100));
    expect(read).toEqual({ wholeLog: 0, agencies: 200 });
  });

  it('when more events match than one replay puts back, then it stops at the last one it put back and says where to go on', async () => {
    const { service, requeued } = replaying(logOf(2 * MAX_REPLAY_EVENTS + 10, 2));
    const first = await service.replay(actor, webhook.id, 1);
    const last = requeued.at(-1)!.position;
    expect(first).toEqual({ requeued: MAX_REPLAY_EVENTS, through: last, next: last + 1 });
    const rest = await service.replay(actor, webhook.id, first.next!);
    expect(rest).toEqual({ requeued: 5, through: 2 * MAX_REPLAY_EVENTS + 10 });
  });
});
