import { randomUUID } from 'node:crypto';
import { DeliveryWorker } from '../../src/app/webhooks/delivery-worker.js';
import { WebhookRouter } from '../../src/app/webhooks/webhook-router.js';
import { HttpWebhookSender } from '../../src/adapters/webhook-http/sender.js';
import { freshTempDir } from '../support/temp-dir.js';
import { actorOf, webhookFixture } from '../support/webhook-fixture.js';
import { eventually, WebhookReceiver } from '../support/webhook-receiver.js';

const tempDir = freshTempDir('webhook-worker');
const A = 'county-justice';

let receiver: WebhookReceiver;
let fx: ReturnType<typeof webhookFixture>;

beforeEach(async () => {
  receiver = await WebhookReceiver.start();
  fx = webhookFixture({ dir: tempDir() });
});
afterEach(async () => {
  await receiver.close();
  await fx.close();
});

const subscribe = () =>
  fx.service.create(actorOf(A), { url: receiver.url, eventTypes: ['EvidenceCollected'] }, randomUUID(), randomUUID());

/** The ids the receiver got of `stream`'s events, in the order they came. */
const idsOf = (stream: string) =>
  receiver
    .events()
    .filter((e) => e.stream === stream)
    .map((e) => e.id);

/** A worker over the fixture's outbox that runs on its own, and a router that nudges it. */
function runningWorker(pollMs: number) {
  const worker = new DeliveryWorker({
    store: fx.store,
    keys: fx.keys,
    policy: fx.policy,
    sender: new HttpWebhookSender({
      connectTimeoutMs: 2_000,
      totalTimeoutMs: 10_000,
      maxResponseBytes: 4_096,
      maxSockets: 8,
    }),
    clock: fx.clock,
    retrySchedule: [5, 86_400],
    random: () => 0.5,
    concurrency: 8,
    pollMs,
    gone: async () => {},
  });
  const router = new WebhookRouter({
    events: fx.events,
    store: fx.store,
    clock: fx.clock,
    routed: () => worker.nudge(),
  });
  const stop = new AbortController();
  const routing = router.start(stop.signal);
  const delivering = worker.run(stop.signal);
  return {
    async stop() {
      stop.abort();
      await Promise.all([routing, delivering]);
    },
  };
}

describe('webhook delivery worker', () => {
  it('when deliveries of two streams are pending, then they go out concurrently and each stream stays in order', async () => {
    await subscribe();
    const x = await fx.append('case-county-justice:x', A, 3);
    const y = await fx.append('case-county-justice:y', A, 3);
    const open = new Map<string, number>();
    let mostOpen = 0;
    let mostOpenOfAStream = 0;
    // the first request is answered only once a request of the other stream is open beside it
    let bothOpen!: () => void;
    const gate = new Promise<void>((resolve) => (bothOpen = resolve));
    receiver.behave = ({ body }) => {
      const { stream } = (JSON.parse(body) as { data: { stream: string } }).data;
      open.set(stream, (open.get(stream) ?? 0) + 1);
      const total = [...open.values()].reduce((a, b) => a + b, 0);
      mostOpen = Math.max(mostOpen, total);
      mostOpenOfAStream = Math.max(mostOpenOfAStream, open.get(stream)!);
      if (total >= 2) bothOpen();
      return { after: gate.then(() => open.set(stream, open.get(stream)! - 1)), status: 204 };
    };
    await fx.deliver();
    expect(mostOpen).toBe(2);
    expect(mostOpenOfAStream).toBe(1);
    expect(idsOf('case-county-justice:x')).toEqual(x.map((e) => e.id));
    expect(idsOf('case-county-justice:y')).toEqual(y.map((e) => e.id));
  });

  it('when a replay puts back an earlier event of a stream whose later events are pending, then the earlier one is sent first', async () => {
    const { webhook } = await subscribe();
    const stream = 'case-county-justice:x';
    const x = await fx.append(stream, A, 3);
    receiver.behave = ({ body }) =>
      (JSON.parse(body) as { data: { id: string } }).data.id === x[1]!.id ? { status: 503 } : { status: 204 };
    await fx.deliver(); // x0 delivered; x1 failed, to be retried in 5 s; x2 waits behind it
    expect(idsOf(stream)).toEqual([x[0]!.id, x[1]!.id]);

    receiver.behave = () => ({ status: 204 });
    const [first] = await fx.events.readStream(stream);
    const replay = await fx.service.replay(actorOf(A), webhook.id, first!.position);
    expect(replay.requeued).toBe(3);
    await fx.deliver();
    expect(idsOf(stream).slice(2)).toEqual(x.map((e) => e.id));
    expect(fx.store.list(webhook.id, { limit: 10 })).toEqual([]);
  });

  it.each([
    ['fails for the last time', 503],
    ['is accepted', 204],
  ])(
    'when a replay puts back a delivery while its attempt is in flight and the attempt then %s, then the replay stands: the event is sent again',
    async (_outcome, status) => {
      await fx.close();
      fx = webhookFixture({ dir: tempDir(), retrySchedule: [] }); // a failed attempt is the last one
      const { webhook } = await subscribe();
      const [event] = await fx.append('case-county-justice:x', A, 1);
      await fx.route();
      let answer!: () => void;
      const answered = new Promise<void>((resolve) => (answer = resolve));
      receiver.behave = (_r, index) => (index === 0 ? { after: answered, status } : { status: 204 });

      // the worker's attempt reaches the receiver and waits for its answer...
      const attempting = fx.worker.tick();
      await eventually(() => receiver.received.length === 1);
      // ...while the replay puts the same delivery back, due at once...
      const [recorded] = await fx.events.readStream('case-county-justice:x');
      expect((await fx.service.replay(actorOf(A), webhook.id, recorded!.position)).requeued).toBe(1);
      // ...and only then the attempt ends and is recorded
      answer();
      await attempting;

      expect(fx.store.list(webhook.id, { limit: 10 })).toEqual([
        expect.objectContaining({ eventId: event!.id, state: 'pending', attempts: 0, generation: 1 }),
      ]);
      await fx.deliver();
      expect(idsOf('case-county-justice:x')).toEqual([event!.id, event!.id]);
      expect(fx.store.list(webhook.id, { limit: 10 })).toEqual([]);
      const failed = status === 204 ? 0 : 1;
      expect(fx.store.counts()[0]).toMatchObject({ delivered: 2 - failed, failed, pending: 0, dead: 0 });
    },
  );

  it('when the router adds deliveries, then a running worker sends them at once, without waiting for its poll', async () => {
    await subscribe();
    const worker = runningWorker(3_600_000);
    try {
      const x = await fx.append('case-county-justice:x', A, 2);
      const y = await fx.append('case-county-justice:y', A, 1);
      await eventually(() => receiver.events().filter((e) => e.type === 'EvidenceCollected').length >= 3, 30_000);
      expect(idsOf('case-county-justice:x')).toEqual(x.map((e) => e.id));
      expect(idsOf('case-county-justice:y')).toEqual(y.map((e) => e.id));
    } finally {
      await worker.stop();
    }
  });

  it('when an attempt fails while the worker runs, then its poll sends it again once the retry falls due', async () => {
    const { webhook } = await subscribe();
    let failures = 1;
    receiver.behave = () => (failures-- > 0 ? { status: 500 } : { status: 204 });
    const worker = runningWorker(20);
    try {
      const [event] = await fx.append('case-county-justice:x', A, 1);
      await eventually(() => fx.store.list(webhook.id, { limit: 10 })[0]?.attempts === 1, 30_000);
      expect(receiver.received).toHaveLength(1);
      fx.clock.advance(10_000); // past the first retry (5 s, +25% jitter at most)
      await eventually(() => fx.store.list(webhook.id, { limit: 10 }).length === 0, 30_000);
      expect(receiver.events().map((e) => e.id)).toEqual([event!.id, event!.id]);
    } finally {
      await worker.stop();
    }
  });
});
