import { randomUUID } from 'node:crypto';
import type { PublicRecord } from '../../src/app/webhooks/payloads.js';
import { disclosureRecords } from '../../src/app/webhooks/payloads.js';
import { freshTempDir } from '../support/temp-dir.js';
import { actorOf, webhookFixture } from '../support/webhook-fixture.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

const tempDir = freshTempDir('webhooks-public');
const A = 'county-justice';

let receiver: WebhookReceiver;
let envelopes: WebhookReceiver;
/** The entries' current public records, by the position of the event that made them. */
const current = new Map<number, PublicRecord>();
/** What the routing asked the public records about: (agency, case, position). */
const asked: string[] = [];
let fx: ReturnType<typeof webhookFixture>;

beforeEach(async () => {
  receiver = await WebhookReceiver.start();
  envelopes = await WebhookReceiver.start();
  current.clear();
  asked.length = 0;
  const publicRecords = disclosureRecords({
    recordAt: async (agency, caseId, position) => {
      asked.push(`${agency}/${caseId}@${position}`);
      return current.get(position);
    },
  });
  fx = webhookFixture({ dir: tempDir(), publicRecords });
});
afterEach(async () => {
  await receiver.close();
  await envelopes.close();
  await fx.close();
});

/** Appends an event and, as the disclosures read model would, makes it its entry's current public record. */
async function publicAct(stream: string, type: string) {
  const [event] = await fx.append(stream, A, 1, type);
  const position = await fx.events.headPosition();
  current.set(position, { record: { caseId: stream.split(':')[1], status: type }, eventHash: event!.hash });
  return { event: event!, position };
}

describe('webhook delivery of public records', () => {
  it('when a public subscription watches an agency, then only its disclosure acts are asked for and delivered, and an envelope subscription still receives everything', async () => {
    const pub = await fx.service.create(
      actorOf(A),
      { url: receiver.url, payload: 'public' },
      randomUUID(),
      randomUUID(),
    );
    const env = await fx.service.create(actorOf(A), { url: envelopes.url }, randomUUID(), randomUUID());
    await fx.append('case-county-justice:c-1', A, 2, 'EvidenceCollected');
    const disclosed = await publicAct('case-county-justice:c-1', 'DecisionDisclosed');
    await fx.append('officer-county-justice:alice', A, 1, 'OfficerRegistered');
    // a disclosure-like type outside a case stream has no public record
    await fx.append('draft-county-justice:d-1', A, 1, 'DecisionDisclosed');
    await fx.deliver();

    expect(asked).toEqual([`${A}/c-1@${disclosed.position}`]);
    const bodies = receiver.received.map((r) => JSON.parse(r.body));
    expect(bodies).toEqual([
      {
        type: 'DecisionDisclosed',
        timestamp: disclosed.event.recordedAt,
        position: disclosed.position,
        data: { caseId: 'c-1', status: 'DecisionDisclosed' },
        ledger: {
          eventId: disclosed.event.id,
          position: disclosed.position,
          eventHash: disclosed.event.hash,
          inclusionProof: `/v1/ledger/proof/inclusion?eventId=${disclosed.event.id}`,
        },
      },
    ]);
    // in order per stream (streams go on side by side)
    const ofStream = (stream: string) =>
      envelopes
        .events()
        .filter((e) => e.stream === stream)
        .map((e) => e.type);
    expect(ofStream('case-county-justice:c-1')).toEqual([
      'EvidenceCollected',
      'EvidenceCollected',
      'DecisionDisclosed',
    ]);
    expect(ofStream('officer-county-justice:alice')).toEqual(['OfficerRegistered']);
    expect(ofStream('draft-county-justice:d-1')).toEqual(['DecisionDisclosed']);
    // the events a public subscription does not receive are no failures: they were never in its outbox
    const counts = (id: string) => fx.store.counts().find((c) => c.webhookId === id);
    expect(counts(pub.webhook.id)).toMatchObject({ delivered: 1, failed: 0, pending: 0, dead: 0 });
    expect(counts(env.webhook.id)).toMatchObject({ delivered: 5, failed: 0, pending: 0, dead: 0 });
  });

  it('when an entry changed again before its first act was routed, then the public subscription receives the later form once, also on a replay', async () => {
    const { webhook } = await fx.service.create(
      actorOf(A),
      { url: receiver.url, payload: 'public' },
      randomUUID(),
      randomUUID(),
    );
    const first = await publicAct('case-county-justice:c-2', 'DecisionDisclosed');
    const later = await publicAct('case-county-justice:c-2', 'DisclosureUpdated');
    current.delete(first.position); // the read model holds the entry as the update left it
    await fx.deliver();
    expect(receiver.received.map((r) => JSON.parse(r.body).ledger.eventId)).toEqual([later.event.id]);

    expect(await fx.service.replay(actorOf(A), webhook.id, 1)).toMatchObject({ requeued: 1 });
    await fx.deliver();
    expect(receiver.received.map((r) => JSON.parse(r.body).position)).toEqual([later.position, later.position]);
  });

  it('when the public records cannot be read, then the router routes nothing and resumes from the same place once they can', async () => {
    const failing = { fail: true };
    const local = webhookFixture({
      dir: tempDir(),
      publicRecords: async (recorded) => {
        if (failing.fail) throw new Error('read models not caught up');
        return { record: { n: recorded.position }, eventHash: recorded.event.hash };
      },
    });
    try {
      await local.service.create(actorOf(A), { url: receiver.url, payload: 'public' }, randomUUID(), randomUUID());
      await local.append('case-county-justice:c-3', A, 1, 'DecisionDisclosed');
      const before = local.store.position();
      await expect(local.route()).rejects.toThrow('read models not caught up');
      expect(local.store.position()).toBe(before);
      failing.fail = false;
      await local.deliver();
      expect(receiver.received).toHaveLength(1);
    } finally {
      await local.close();
    }
  });
});
