import { parseAgencyStream } from '../../src/domain/streams.js';
import { holdAppendsTogether } from '../support/held-appends.js';
import { startReplicas, until, type Replicas } from '../support/replicas.js';
import { eventually, WebhookReceiver } from '../support/webhook-receiver.js';

/**
 * Two replicas on one EventStoreDB (its TEST DOUBLE), the first delivering webhooks and the second not
 * (`WEBHOOK_DELIVERY=false`), as docs/integration.md says to run them: a subscription is read and changed on
 * either, whichever replica made it, and the deliveries are the delivering replica's to list and replay.
 */
const A = 'county-justice';
let r: Replicas;
let receiver: WebhookReceiver;
let integration: string;
let admin: string;

const officer = (officerId: string) => ({
  officerId,
  name: '李执法',
  agency: A,
  certificateNo: `1405-${officerId}`,
  validFrom: '2018-01-01',
  validTo: '2030-12-31',
  roles: ['officer'],
});

beforeAll(async () => {
  receiver = await WebhookReceiver.start();
  r = await startReplicas({ env: { WEBHOOK_ALLOW_HOSTS: '127.0.0.1' }, envOf: [{}, { WEBHOOK_DELIVERY: 'false' }] });
  integration = r.a.token('erp', A, ['integration']);
  admin = r.a.token('head', A, ['admin']);
});
afterAll(async () => {
  await r?.stop();
  await receiver?.close();
});

describe('webhook subscriptions across replicas', () => {
  it('when a subscription is made on the replica that does not deliver, then both read it, the other delivers to it, and only that one lists and replays its deliveries', async () => {
    const created = await r.b.call('POST', '/v1/webhooks', {
      token: integration,
      body: { url: receiver.url, eventTypes: ['OfficerRegistered'] },
    });
    expect(created.status).toBe(201);
    const { id, position } = created.body as { id: string; position: number };
    // read your writes on the replica that wrote it, without a position
    const onB = await r.b.call('GET', `/v1/webhooks/${id}`, { token: integration });
    expect([onB.status, onB.body.id, onB.body.url]).toEqual([200, id, receiver.url]);
    // and on the other with the position the write returned
    const listedOnA = await r.a.call('GET', `/v1/webhooks?consistentWith=${position}`, { token: integration });
    expect(listedOnA.status).toBe(200);
    expect((listedOnA.body.items as { id: string }[]).map((w) => w.id)).toContain(id);

    expect((await r.b.call('POST', '/v1/officers', { token: admin, body: officer('alice') })).status).toBe(201);
    await eventually(() => receiver.received.length >= 1);
    const deliveriesOnA = () => r.a.call('GET', `/v1/webhooks/${id}/deliveries`, { token: integration });
    await eventually(async () => (await deliveriesOnA()).body.metrics?.delivered === 1);

    const deliveriesOnB = await r.b.call('GET', `/v1/webhooks/${id}/deliveries`, { token: integration });
    expect([deliveriesOnB.status, deliveriesOnB.body.code]).toEqual([421, 'webhook_delivery_elsewhere']);
    expect(deliveriesOnB.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const replayOnB = await r.b.call('POST', `/v1/webhooks/${id}/replay?from=1`, { token: integration });
    expect([replayOnB.status, replayOnB.body.code]).toEqual([421, 'webhook_delivery_elsewhere']);

    // the replay on the replica that delivers sends the event again
    const replayOnA = await r.a.call('POST', `/v1/webhooks/${id}/replay?from=1`, { token: integration });
    expect([replayOnA.status, replayOnA.body.requeued]).toEqual([202, 1]);
    await eventually(() => receiver.received.length >= 2);
    expect(new Set(receiver.received.map((d) => d.headers['webhook-id'])).size).toBe(1);
  });

  it('when a subscription made on one replica is changed and then deleted on the other, then each change is decided on what the first recorded', async () => {
    const created = await r.a.call('POST', '/v1/webhooks', {
      token: integration,
      body: { url: `${receiver.url}/changed`, eventTypes: ['OfficerRegistered'] },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    const changed = await r.b.call('PATCH', `/v1/webhooks/${id}`, {
      token: integration,
      headers: { 'if-match': '"0"' },
      body: { eventTypes: ['OfficerRegistered', 'OfficerAmended'] },
    });
    expect([changed.status, changed.headers.get('etag')]).toEqual([200, '"1"']);
    const onA = await r.a.call('GET', `/v1/webhooks/${id}?consistentWith=${changed.body.position}`, {
      token: integration,
    });
    expect([onA.status, onA.headers.get('etag'), onA.body.eventTypes]).toEqual([
      200,
      '"1"',
      ['OfficerRegistered', 'OfficerAmended'],
    ]);

    // a stale revision is refused on either replica, as the stream stands
    const stale = await r.a.call('PATCH', `/v1/webhooks/${id}`, {
      token: integration,
      headers: { 'if-match': '"0"' },
      body: { url: receiver.url },
    });
    expect([stale.status, stale.body.code]).toEqual([409, 'revision_conflict']);

    const deleted = await r.b.call('DELETE', `/v1/webhooks/${id}`, {
      token: integration,
      headers: { 'idempotency-key': `delete-${id}` },
    });
    expect(deleted.status).toBe(204);
    const again = await r.b.call('DELETE', `/v1/webhooks/${id}`, {
      token: integration,
      headers: { 'idempotency-key': `delete-${id}` },
    });
    expect(again.status).toBe(204);
    expect((await r.b.call('GET', `/v1/webhooks/${id}`, { token: integration })).status).toBe(404);
    await eventually(async () => (await r.a.call('GET', `/v1/webhooks/${id}`, { token: integration })).status === 404);
    const listed = await r.a.call('GET', '/v1/webhooks', { token: integration });
    expect((listed.body.items as { id: string }[]).map((w) => w.id)).not.toContain(id);
  });

  it("when another agency's integration asks either replica for the subscription, then it is not found", async () => {
    const created = await r.b.call('POST', '/v1/webhooks', { token: integration, body: { url: receiver.url } });
    expect(created.status).toBe(201);
    const other = r.a.token('erp', 'city-market', ['integration']);
    const { id, position } = created.body as { id: string; position: number };
    for (const replica of [r.a, r.b]) {
      const got = await replica.call('GET', `/v1/webhooks/${id}?consistentWith=${position}`, { token: other });
      expect(got.status).toBe(404);
      const changed = await replica.call('PATCH', `/v1/webhooks/${id}`, { token: other, body: { url: receiver.url } });
      expect(changed.status).toBe(404);
      const listed = await replica.call('GET', `/v1/webhooks?consistentWith=${position}`, { token: other });
      expect(listed.body.items).toEqual([]);
    }
  });

  it('when each replica makes the same subscription at the same moment, then one is made and the other is 409 webhook_duplicate naming it', async () => {
    for (let round = 0; round < 3; round++) {
      const url = `${receiver.url}/same-${round}`;
      const body = { url, eventTypes: ['ItemRegistered', 'OfficerRegistered'] };
      // both claims wait for each other: both replicas have read the agency's subscriptions when either appends
      const held = holdAppendsTogether(
        [r.a.service.events, r.b.service.events],
        (stream) => parseAgencyStream(stream)?.category === 'webhookclaim',
      );
      const answers = await Promise.all([
        r.a.call('POST', '/v1/webhooks', { token: integration, body }).finally(held.release),
        // the same types in another order: the same deliveries
        r.b
          .call('POST', '/v1/webhooks', {
            token: integration,
            body: { ...body, eventTypes: [...body.eventTypes].reverse() },
          })
          .finally(held.release),
      ]).finally(held.restore);
      expect([round, answers.map((a) => a.status).sort()]).toEqual([round, [201, 409]]);
      const made = answers.find((a) => a.status === 201)!.body.id as string;
      const refused = answers.find((a) => a.status === 409)!;
      expect(refused.body).toMatchObject({ code: 'webhook_duplicate', webhookId: made });
      const listed = await r.a.call(
        'GET',
        `/v1/webhooks?consistentWith=${answers.find((a) => a.status === 201)!.body.position}`,
        { token: integration },
      );
      expect([round, (listed.body.items as { url: string }[]).filter((w) => w.url === url).length]).toEqual([round, 1]);
    }
  });

  it('when a subscription is deleted on one replica and the other has not applied the deletion, then the other makes the same subscription again', async () => {
    const body = { url: `${receiver.url}/again`, eventTypes: ['ItemRegistered'] };
    const first = await r.a.call('POST', '/v1/webhooks', { token: integration, body });
    expect(first.status).toBe(201);
    const refused = await r.b.call('POST', '/v1/webhooks', { token: integration, body });
    expect([refused.status, refused.body.code]).toEqual([409, 'webhook_duplicate']);
    // the second replica lists the subscription, then stops applying what the log adds
    const seen = await r.b.call('GET', `/v1/webhooks/${first.body.id}?consistentWith=${first.body.position}`, {
      token: integration,
    });
    expect(seen.status).toBe(200);
    const lag = r.standIn.holdDelivery((index) => index >= r.subscriptionsOfA);
    try {
      expect((await r.a.call('DELETE', `/v1/webhooks/${first.body.id}`, { token: integration })).status).toBe(204);
      // its read models still list the deleted subscription: the log, not they, decides the refusal
      const listed = await r.b.call('GET', '/v1/webhooks', { token: integration });
      expect((listed.body.items as { id: string }[]).map((w) => w.id)).toContain(first.body.id);
      const again = await r.b.call('POST', '/v1/webhooks', { token: integration, body });
      expect([again.status, again.body.code]).toEqual([201, undefined]);
      expect(again.body.id).not.toBe(first.body.id);
      // and a third of the same is refused, naming the one just made
      const third = await r.a.call('POST', '/v1/webhooks', { token: integration, body });
      expect([third.status, third.body.code, third.body.webhookId]).toEqual([409, 'webhook_duplicate', again.body.id]);
    } finally {
      lag.release();
    }
  });
});

describe('the most subscriptions an agency may have, across replicas', () => {
  // more than the service reads from the log at once (8), so that the freed place is found in a later part
  const MAX = 10;
  let small: Replicas;
  beforeAll(async () => {
    small = await startReplicas({
      env: { WEBHOOK_ALLOW_HOSTS: '127.0.0.1', WEBHOOK_MAX_PER_AGENCY: String(MAX) },
      envOf: [{}, { WEBHOOK_DELIVERY: 'false' }],
    });
  });
  afterAll(async () => small?.stop());

  it('when one replica deletes a subscription the other has not yet seen deleted, then the other counts the freed place', async () => {
    const token = small.a.token('erp', A, ['integration']);
    const make = (on: Replicas['a'], n: number) =>
      on.call('POST', '/v1/webhooks', { token, body: { url: `${receiver.url}/limit-${n}` } });
    const made = [];
    for (let n = 0; n < MAX; n++) made.push(await make(small.a, n));
    expect(made.map((m) => m.status)).toEqual(Array(MAX).fill(201));
    const last = made.at(-1)!.body.position as number;
    await until('the second replica lists every subscription', async () => {
      const listed = await small.b.call('GET', `/v1/webhooks?consistentWith=${last}`, { token });
      return listed.status === 200 && (listed.body.items as unknown[]).length === MAX;
    });
    const refused = await make(small.b, MAX);
    expect([refused.status, refused.body.code, refused.body.limit]).toEqual([409, 'webhook_limit', MAX]);
    const lag = small.standIn.holdDelivery((index) => index >= small.subscriptionsOfA);
    try {
      // the last one made, listed last
      expect((await small.a.call('DELETE', `/v1/webhooks/${made.at(-1)!.body.id}`, { token })).status).toBe(204);
      const listed = await small.b.call('GET', '/v1/webhooks', { token });
      expect((listed.body.items as unknown[]).length).toBe(MAX);
      const freed = await make(small.b, MAX);
      expect([freed.status, freed.body.code]).toEqual([201, undefined]);
      // and the place is taken again, once the first replica has applied the new subscription (its own lists wait
      // only for its own writes)
      const applied = await small.a.call('GET', `/v1/webhooks?consistentWith=${freed.body.position}`, { token });
      expect((applied.body.items as unknown[]).length).toBe(MAX);
      const full = await make(small.a, MAX + 1);
      expect([full.status, full.body.code]).toEqual([409, 'webhook_limit']);
    } finally {
      lag.release();
    }
  });
});
