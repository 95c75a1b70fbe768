import { randomUUID } from 'node:crypto';
import { freshTempDir } from '../support/temp-dir.js';
import { actorOf, webhookFixture } from '../support/webhook-fixture.js';
import { eventually, WebhookReceiver } from '../support/webhook-receiver.js';

const tempDir = freshTempDir('webhook-deleted');
const A = 'county-justice';
const STREAM = 'case-county-justice:x';
const DAY = 24 * 3600 * 1000;

let receiver: WebhookReceiver;
let fx: ReturnType<typeof webhookFixture>;

beforeEach(async () => {
  receiver = await WebhookReceiver.start();
  // one retry, then a dead letter
  fx = webhookFixture({ dir: tempDir(), retrySchedule: [5] });
});
afterEach(async () => {
  await receiver.close();
  await fx.close();
});

const subscribe = () =>
  fx.service.create(actorOf(A), { url: receiver.url, eventTypes: ['EvidenceCollected'] }, randomUUID(), randomUUID());

describe('the deliveries of a deleted webhook subscription', () => {
  it('when a subscription with a pending delivery and a dead letter is deleted, then both are cancelled: never sent, neither failures nor dead letters', async () => {
    const { webhook } = await subscribe();
    receiver.behave = () => ({ status: 503 });
    await fx.append(STREAM, A, 2);
    await fx.deliver(); // x0 fails, to be retried in 5 s; x1 waits behind it
    fx.clock.advance(10_000);
    await fx.deliver(); // x0 fails again: a dead letter; x1 fails, to be retried
    expect(fx.store.list(webhook.id, { limit: 10 }).map((d) => d.state)).toEqual(['dead', 'pending']);
    expect(fx.store.counts()[0]).toMatchObject({ failed: 3, pending: 1, dead: 1 });

    await fx.service.remove(actorOf(A), webhook.id, randomUUID());
    expect(fx.store.list(webhook.id, { limit: 10 })).toEqual([]);
    const after = fx.store.counts()[0];
    expect(after).toMatchObject({ delivered: 0, failed: 3, pending: 0, dead: 0 });
    expect(after?.oldestPendingRecordedAt).toBeUndefined();

    fx.clock.advance(DAY);
    await fx.append(STREAM, A, 1);
    await fx.deliver();
    expect(receiver.received).toHaveLength(3);
    expect(fx.store.counts()[0]).toEqual(after);
  });

  it('when a subscription is deleted while an attempt is in flight and the attempt then fails, then it is not counted as a failure, nor kept, nor retried', async () => {
    const { webhook } = await subscribe();
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    receiver.behave = () => ({ after: answered, status: 503 });
    await fx.append(STREAM, A, 1);
    await fx.route();

    const attempting = fx.worker.tick();
    await eventually(() => receiver.received.length === 1);
    await fx.service.remove(actorOf(A), webhook.id, randomUUID());
    answer();
    await attempting;

    expect(fx.store.list(webhook.id, { limit: 10 })).toEqual([]);
    expect(fx.store.counts()[0]).toMatchObject({ delivered: 0, failed: 0, pending: 0, dead: 0 });
    fx.clock.advance(DAY);
    await fx.deliver();
    expect(receiver.received).toHaveLength(1);
  });
});
