import { createPublicKey, randomUUID, verify as verifySignature } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { keyResolver } from '../../src/ledger/ed25519.js';
import { verifyEvent } from '../../src/ledger/verify.js';
import { webhookStream } from '../../src/domain/webhooks/subscriptions.js';
import { testSigner } from '../support/events.js';
import { freshTempDir } from '../support/temp-dir.js';
import path from 'node:path';
import { SqliteWebhookOutbox } from '../../src/adapters/sqlite/webhook-outbox.js';
import { WebhookService } from '../../src/app/webhooks/webhook-service.js';
import { actorOf, webhookFixture } from '../support/webhook-fixture.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

const tempDir = freshTempDir('webhooks');
const A = 'county-justice';
const B = 'city-market';

let receiver: WebhookReceiver;
let fx: ReturnType<typeof webhookFixture>;
const signer = testSigner();

beforeEach(async () => {
  receiver = await WebhookReceiver.start();
  fx = webhookFixture({ dir: tempDir(), signer });
});
afterEach(async () => {
  await receiver.close();
  await fx.close();
});

async function subscribe(agency = A, body: Record<string, unknown> = {}) {
  return fx.service.create(actorOf(agency), { url: receiver.url, ...body }, randomUUID(), randomUUID());
}

describe('webhook delivery', () => {
  it("when another replica made the subscription and this one's router has not reached it yet, then its deliveries are found at once, and it receives the events after it", async () => {
    // the other replica: the same log and keys, an outbox of its own, not delivering
    const otherOutbox = new SqliteWebhookOutbox(path.join(tempDir(), 'other-webhooks.sqlite'));
    const other = new WebhookService({
      events: fx.events,
      signer,
      clock: fx.clock,
      store: otherOutbox,
      keys: fx.keys,
      policy: fx.policy,
      readModels: { get: () => undefined, query: () => ({ items: [] }) },
      runner: { position: () => 0, waitFor: async () => true },
      delivers: false,
    });
    try {
      const made = await other.create(actorOf(A), { url: receiver.url }, randomUUID(), randomUUID());
      expect(fx.store.webhook(made.webhook.id)).toBeUndefined();
      const listed = await fx.service.deliveries(actorOf(A), made.webhook.id, { limit: 10 });
      expect(listed.webhook).toMatchObject({ id: made.webhook.id, enabled: true });
      expect(listed.deliveries).toEqual([]);
      // another agency still finds nothing
      await expect(fx.service.deliveries(actorOf(B), made.webhook.id, { limit: 10 })).rejects.toMatchObject({
        code: 'not_found',
      });
      // the replica that does not deliver says so
      await expect(other.deliveries(actorOf(A), made.webhook.id, { limit: 10 })).rejects.toMatchObject({
        code: 'webhook_delivery_elsewhere',
        status: 421,
      });
      const ours = await fx.append('case-county-justice:c-3', A, 2);
      await fx.deliver();
      expect(receiver.received.map((r) => JSON.parse(r.body).data.id)).toEqual(ours.map((e) => e.id));
    } finally {
      otherOutbox.close();
    }
  });

  it("when events are appended, then the subscription receives its agency's signed envelopes, verifiable by an independent Standard Webhooks implementation", async () => {
    const written = await subscribe();
    const ours = await fx.append('case-county-justice:c-1', A, 3);
    await fx.append('case-city-market:c-9', B, 2);
    await fx.deliver();

    const cases = receiver.received.filter((r) => JSON.parse(r.body).data.stream.startsWith('case-'));
    expect(cases.map((r) => JSON.parse(r.body).data.id)).toEqual(ours.map((e) => e.id));
    const secret = (written.credentials as { secret: string }).secret;
    expect(secret).toMatch(/^whsec_/);
    const wh = new Webhook(secret);
    for (const r of receiver.received) {
      expect(() => wh.verify(r.body, r.headers as Record<string, string>)).not.toThrow();
      const payload = JSON.parse(r.body);
      // the payload carries the ledger's own signature, which the receiver can check too
      expect(verifyEvent(payload.data, { serviceKeys: keyResolver([signer.publicKey]) })).toEqual({ ok: true });
    }
    // a tampered body does not verify
    const first = cases[0]!;
    expect(() => wh.verify(first.body.replace('证据', '证剧'), first.headers as Record<string, string>)).toThrow();
  });

  it('when a subscription signs with Ed25519, then each delivery carries a v1a signature over id.timestamp.body under its public key', async () => {
    const written = await subscribe(A, { signing: 'ed25519' });
    await fx.append('case-county-justice:c-2', A, 2);
    await fx.deliver();
    const publicKey = (written.credentials as { publicKey: string }).publicKey;
    expect(publicKey).toMatch(/^whpk_/);
    const raw = Buffer.from(publicKey.slice('whpk_'.length), 'base64');
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
    expect(receiver.received.length).toBeGreaterThanOrEqual(2);
    for (const { headers, body } of receiver.received) {
      const signed = `${headers['webhook-id']}.${headers['webhook-timestamp']}.${body}`;
      const signatures = String(headers['webhook-signature']).split(' ');
      expect(
        signatures.some(
          (s) =>
            s.startsWith('v1a,') && verifySignature(null, Buffer.from(signed), key, Buffer.from(s.slice(4), 'base64')),
        ),
      ).toBe(true);
    }
  });

  it("when two agencies subscribe, then agency A's subscription never sees agency B's events", async () => {
    await subscribe(A);
    const other = await WebhookReceiver.start();
    try {
      await fx.service.create(actorOf(B), { url: other.url }, randomUUID(), randomUUID());
      await fx.append('case-county-justice:c-1', A, 2);
      await fx.append('case-city-market:c-1', B, 2);
      await fx.append('case-city-market:c-2', A, 1); // an actor of A on B's record: B's, as reads scope it
      await fx.deliver();
      expect(receiver.events().every((e) => e.stream.includes(`-${A}:`))).toBe(true);
      expect(other.events().every((e) => e.stream.includes(`-${B}:`))).toBe(true);
      expect(receiver.events().filter((e) => e.stream.startsWith('case-'))).toHaveLength(2);
      expect(other.events().filter((e) => e.stream.startsWith('case-'))).toHaveLength(3);
    } finally {
      await other.close();
    }
  });

  it('when a subscription is changed and deleted after the router routed its creation, then the router goes on and the other subscriptions still receive their events', async () => {
    const { webhook: gone } = await subscribe(A, { eventTypes: ['EvidenceCollected'] });
    await fx.route();
    await fx.service.change(actorOf(A), gone.id, { eventTypes: ['HearingHeld'] }, randomUUID());
    await fx.service.remove(actorOf(A), gone.id, randomUUID());
    const { webhook: kept } = await subscribe(A, { eventTypes: ['EvidenceCollected'] });
    const [event] = await fx.append('case-county-justice:c-1', A, 1);
    await fx.deliver();
    expect(fx.store.position()).toBe(await fx.events.headPosition());
    expect(receiver.received.map((r) => r.headers['webhook-id'])).toEqual([`msg_${kept.id}_${event!.id}`]);
    expect(fx.store.webhook(gone.id)).toMatchObject({ deleted: true, eventTypes: ['HearingHeld'] });
  });

  it('when a subscription is made while the router has not yet routed earlier events, then it receives only the events recorded after it, also on a replay', async () => {
    await fx.append('case-county-justice:c-1', A, 2); // not routed yet
    const { webhook } = await subscribe(A, { eventTypes: ['EvidenceCollected'] });
    const after = await fx.append('case-county-justice:c-1', A, 1);
    await fx.deliver();
    expect(receiver.events().map((e) => e.id)).toEqual(after.map((e) => e.id));
    expect((await fx.service.replay(actorOf(A), webhook.id, 1)).requeued).toBe(1);
  });

  it('when the subscription names event types, then only those are delivered', async () => {
    await subscribe(A, { eventTypes: ['HearingHeld'] });
    await fx.append('case-county-justice:c-1', A, 1, 'EvidenceCollected');
    await fx.append('case-county-justice:c-1', A, 1, 'HearingHeld');
    await fx.deliver();
    expect(receiver.events().map((e) => e.type)).toEqual(['HearingHeld']);
  });

  it('when the receiver fails an event of one stream, then later events of that stream wait while other streams go on, and order per stream holds', async () => {
    await subscribe(A, { eventTypes: ['EvidenceCollected'] });
    const x = await fx.append('case-county-justice:x', A, 3);
    const y = await fx.append('case-county-justice:y', A, 2);
    let failedOnce = false;
    receiver.behave = ({ body }) => {
      if (!failedOnce && JSON.parse(body).data.id === x[0]!.id) {
        failedOnce = true;
        return { status: 500 };
      }
      return { status: 200 };
    };
    await fx.deliver();
    const ids = () => receiver.events().map((e) => e.id);
    expect(ids()).toEqual([x[0]!.id, y[0]!.id, y[1]!.id]); // x waits behind its failed first event
    fx.clock.advance(10_000); // past the first retry (5 s, +25% jitter at most)
    await fx.deliver();
    expect(ids().slice(3)).toEqual(x.map((e) => e.id));
  });

  it('when the receiver keeps failing, then it is retried on the schedule for over 24 hours, then a dead letter that a replay sends again', async () => {
    const { webhook } = await subscribe(A, { eventTypes: ['EvidenceCollected'] });
    receiver.behave = () => ({ status: 500 });
    const [event] = await fx.append('case-county-justice:c-1', A, 1);
    await fx.deliver();
    let attempts = 1;
    let elapsed = 0;
    for (;;) {
      const [pending] = fx.store.list(webhook.id, { state: 'pending', limit: 10 });
      if (!pending) break;
      const wait = pending.nextAt - fx.clock.now().getTime();
      expect(wait).toBeGreaterThan(0);
      fx.clock.advance(wait - 1);
      expect(await fx.worker.tick()).toBe(0); // not before it is due
      fx.clock.advance(1);
      elapsed += wait;
      await fx.deliver();
      attempts++;
    }
    expect(attempts).toBe(8);
    expect(elapsed).toBeGreaterThanOrEqual(24 * 3600 * 1000);
    const [dead] = fx.store.list(webhook.id, { state: 'dead', limit: 10 });
    expect(dead).toMatchObject({ eventId: event!.id, attempts: 8, lastStatus: 500 });
    expect(receiver.received).toHaveLength(8);

    receiver.behave = () => ({ status: 200 });
    const replay = await fx.service.replay(actorOf(A), webhook.id, 1);
    expect(replay.requeued).toBe(1);
    await fx.deliver();
    expect(receiver.received).toHaveLength(9);
    expect(fx.store.list(webhook.id, { limit: 10 })).toEqual([]);
    expect(fx.store.counts()[0]).toMatchObject({ delivered: 1, failed: 8, pending: 0, dead: 0 });
  });

  it("when attempts fail, then each pause is the schedule's, lengthened by 0 to 25% at random", async () => {
    await fx.close();
    const dice = [0, 0.999, 0.5];
    fx = webhookFixture({ dir: tempDir(), signer, random: () => dice.shift() ?? 0 });
    const { webhook } = await subscribe(A, { eventTypes: ['EvidenceCollected'] });
    receiver.behave = () => ({ status: 503 });
    await fx.append('case-county-justice:c-1', A, 1);
    const pauses: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      await fx.deliver();
      const [pending] = fx.store.list(webhook.id, { state: 'pending', limit: 1 });
      pauses.push(pending!.nextAt - fx.clock.now().getTime());
      fx.clock.advance(pending!.nextAt - fx.clock.now().getTime());
    }
    // 5 s with no jitter, 300 s with almost all of it (+24.975%), 1,800 s with half of it (+12.5%)
    expect(pauses).toEqual([5_000, Math.round(300_000 * (1 + 0.25 * 0.999)), 2_025_000]);
    expect(receiver.received).toHaveLength(3);
  });

  it('when the receiver answers 410, then the subscription is disabled by a signed event and receives no more', async () => {
    const { webhook } = await subscribe(A, { eventTypes: ['EvidenceCollected'] });
    receiver.behave = () => ({ status: 410 });
    await fx.append('case-county-justice:c-1', A, 1);
    await fx.deliver();
    const stream = (await fx.events.readStream(webhookStream(A, webhook.id))).map((r) => r.event);
    expect(stream.map((e) => e.type)).toEqual(['WebhookSubscribed', 'WebhookDisabled']);
    expect(stream[1]!.data).toMatchObject({ reason: 'receiver_gone', status: 410 });
    expect((await fx.service.get(actorOf(A), webhook.id)).enabled).toBe(false);
    await fx.append('case-county-justice:c-1', A, 1);
    await fx.deliver();
    expect(receiver.received).toHaveLength(1);
    // what was recorded while it was off is not lost: a dead letter, sent by a replay once it is on again
    const dead = fx.store.list(webhook.id, { state: 'dead', limit: 10 });
    expect(dead).toHaveLength(2);
    expect(dead[1]).toMatchObject({ attempts: 0, lastError: 'the subscription is disabled' });
    receiver.behave = () => ({ status: 204 });
    await fx.service.change(actorOf(A), webhook.id, { enabled: true }, randomUUID());
    expect((await fx.service.replay(actorOf(A), webhook.id, dead[0]!.position)).requeued).toBe(2);
    await fx.deliver();
    expect(receiver.received).toHaveLength(3); // the first, refused with 410, and both dead letters, sent again
  });

  it("when one subscription's receiver hangs on many cases, then it holds a share of the slots and another agency's subscription is served at once", async () => {
    await fx.close();
    fx = webhookFixture({ dir: tempDir(), signer, totalTimeoutMs: 2_000 }); // 8 slots, a quarter for one subscription
    const healthy = await WebhookReceiver.start();
    try {
      await subscribe(A, { eventTypes: ['EvidenceCollected'] });
      await fx.service.create(
        actorOf(B),
        { url: healthy.url, eventTypes: ['EvidenceCollected'] },
        randomUUID(),
        randomUUID(),
      );
      receiver.behave = () => ({ hang: true });
      let hangingWhenServed = -1;
      healthy.behave = () => {
        hangingWhenServed = receiver.received.length;
        return { status: 204 };
      };
      // eight cases of the county wait on the hanging receiver, then one of the city's on the healthy one
      for (let i = 1; i <= 8; i++) await fx.append(`case-county-justice:h-${i}`, A, 1);
      await fx.append('case-city-market:m-1', B, 1);
      await fx.deliver();
      expect(healthy.received).toHaveLength(1);
      // served while the hanging receiver held its share (2 of 8 slots), not after all eight had timed out
      expect(hangingWhenServed).toBeLessThanOrEqual(2);
    } finally {
      await healthy.close();
    }
  });

  it('when the receiver redirects, then the redirect is not followed and the delivery counts as failed', async () => {
    const { webhook } = await subscribe(A, { eventTypes: ['EvidenceCollected'] });
    const target = await WebhookReceiver.start();
    try {
      receiver.behave = () => ({ status: 302, headers: { location: target.url } });
      await fx.append('case-county-justice:c-1', A, 1);
      await fx.deliver();
      expect(target.received).toHaveLength(0);
      expect(fx.store.list(webhook.id, { state: 'pending', limit: 10 })[0]).toMatchObject({
        lastStatus: 302,
        attempts: 1,
      });
    } finally {
      await target.close();
    }
  });

  it('when the receiver hangs, answers slowly or goes away, then nothing is lost and each is retried', async () => {
    await fx.close();
    fx = webhookFixture({ dir: tempDir(), signer, totalTimeoutMs: 500 });
    const { webhook } = await subscribe(A, { eventTypes: ['EvidenceCollected'] });
    receiver.behave = () => ({ hang: true });
    await fx.append('case-county-justice:c-1', A, 1);
    await fx.deliver();
    expect(fx.store.list(webhook.id, { limit: 10 })[0]).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastError: expect.stringMatching(/within/),
    });

    receiver.behave = () => ({ slowMs: 100, status: 200 }); // slow, within the bound: delivered
    fx.clock.advance(10_000);
    await fx.deliver();
    expect(fx.store.list(webhook.id, { limit: 10 })).toEqual([]);

    await receiver.close(); // gone: connection refused
    await fx.append('case-county-justice:c-1', A, 1);
    await fx.deliver();
    expect(fx.store.list(webhook.id, { limit: 10 })[0]).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastError: 'ECONNREFUSED',
    });
    receiver = await WebhookReceiver.start(); // for afterEach
  });

  it('when the host resolves to a private address at delivery time (DNS rebinding), then no connection is made', async () => {
    await fx.close();
    let answer = '93.184.216.34';
    fx = webhookFixture({
      dir: tempDir(),
      signer,
      allowHosts: [],
      resolve: async () => [{ address: answer, family: 4 }],
    });
    const { webhook } = await fx.service.create(
      actorOf(A),
      { url: 'https://hooks.example.test/x', eventTypes: ['EvidenceCollected'] },
      randomUUID(),
      randomUUID(),
    );
    answer = '127.0.0.1';
    await fx.append('case-county-justice:c-1', A, 1);
    await fx.deliver();
    expect(fx.store.list(webhook.id, { limit: 10 })[0]).toMatchObject({
      attempts: 1,
      lastError: expect.stringMatching(/^refused/),
    });
  });
});
