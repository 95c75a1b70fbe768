import { randomUUID } from 'node:crypto';
import { HttpWebhookSender } from '../../src/adapters/webhook-http/sender.js';
import type { WebhookRequest } from '../../src/ports/webhook-sender.js';
import { freshTempDir } from '../support/temp-dir.js';
import { actorOf, webhookFixture } from '../support/webhook-fixture.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

const tempDir = freshTempDir('webhook-sender');
const A = 'county-justice';

let receiver: WebhookReceiver;
let sender: HttpWebhookSender;

beforeEach(async () => {
  receiver = await WebhookReceiver.start();
  sender = new HttpWebhookSender({
    connectTimeoutMs: 2_000,
    totalTimeoutMs: 10_000,
    maxResponseBytes: 4_096,
    maxSockets: 1,
  });
});
afterEach(async () => {
  sender.close();
  await receiver.close();
});

const request = (): WebhookRequest => ({
  url: new URL(receiver.url),
  address: { address: '127.0.0.1', family: 4 },
  headers: { 'webhook-id': `msg_${randomUUID()}` },
  body: '{}',
});

describe('the webhook sender on kept-alive connections', () => {
  it('when the receiver closes a kept-alive connection as the next request arrives on it, then that request is sent once more at once on a fresh connection and its answer counts', async () => {
    // the receiver answers the first request of each connection, and closes a connection that comes back
    receiver.behave = (r) => (r.before > 0 ? { drop: true } : { status: 204 });
    expect(await sender.send(request())).toEqual({ status: 204 });
    const second = request();
    expect(await sender.send(second)).toEqual({ status: 204 });
    // on the kept connection (1 request before it), then on a new one; the same message both times
    expect(receiver.received.map((r) => r.before)).toEqual([0, 1, 0]);
    expect(receiver.received.slice(1).map((r) => r.headers['webhook-id'])).toEqual([
      second.headers['webhook-id'],
      second.headers['webhook-id'],
    ]);
  });

  it('when the fresh connection fails as well, then the attempt fails, having been sent only once more', async () => {
    receiver.behave = (_r, index) => (index === 0 ? { status: 204 } : { drop: true });
    expect(await sender.send(request())).toEqual({ status: 204 });
    expect(await sender.send(request())).toMatchObject({ error: 'network' });
    expect(receiver.received.map((r) => r.before)).toEqual([0, 1, 0]);
  });

  it('when a new connection is closed before any answer, then the request is not sent again', async () => {
    receiver.behave = () => ({ drop: true });
    expect(await sender.send(request())).toMatchObject({ error: 'network' });
    expect(receiver.received).toHaveLength(1);
  });
});

describe('the delivery worker when a receiver closes idle connections', () => {
  it('when the receiver closes each kept-alive connection as it is reused, then every delivery is made at once, none counted failed nor left for the retry schedule', async () => {
    const fx = webhookFixture({ dir: tempDir() });
    try {
      receiver.behave = (r) => (r.before > 0 ? { drop: true } : { status: 204 });
      const webhookId = randomUUID();
      await fx.service.create(
        actorOf(A),
        { url: receiver.url, eventTypes: ['EvidenceCollected'] },
        webhookId,
        randomUUID(),
      );
      const appended = await fx.append('case-county-justice:c-1', A, 3);
      // the worker runs until nothing is due now: the injected clock never moves, so a retry 5 s on is never due
      await fx.deliver();

      expect(receiver.received.some((r) => r.before > 0)).toBe(true); // kept connections were reused and dropped
      const delivered = [...new Set(receiver.events().map((e) => e.id))];
      expect(delivered).toEqual(appended.map((e) => e.id));
      const counts = fx.store.counts().find((c) => c.webhookId === webhookId);
      expect(counts).toMatchObject({ delivered: 3, failed: 0, pending: 0, dead: 0 });
    } finally {
      await fx.close();
    }
  });
});
