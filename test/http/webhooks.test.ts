import path from 'node:path';
import { Webhook } from 'standardwebhooks';
import { webhookStream } from '../../src/domain/webhooks/subscriptions.js';
import { keyResolver } from '../../src/ledger/ed25519.js';
import { verifyChain } from '../../src/ledger/verify.js';
import { loadValidators } from '../../src/http/validation.js';
import { startTestService, type TestService } from '../support/service.js';
import { eventually, WebhookReceiver } from '../support/webhook-receiver.js';

const validate = loadValidators(path.resolve(__dirname, '../../schemas'));

const A = 'county-justice';
const B = 'city-market';

let t: TestService;
let receiver: WebhookReceiver;
let integration: string;
let admin: string;

beforeAll(async () => {
  receiver = await WebhookReceiver.start();
  t = await startTestService({ WEBHOOK_ALLOW_HOSTS: '127.0.0.1' });
  integration = t.token('erp', A, ['integration']);
  admin = t.token('head', A, ['admin']);
});
afterAll(async () => {
  await t.stop();
  await receiver.close();
});

let hooks = 0;
/** A URL of the receiver no other subscription of the test uses: one delivering the same events as another is refused. */
const freshUrl = () => `${receiver.url}/${++hooks}`;

const officer = (officerId: string) => ({
  officerId,
  name: '李执法',
  agency: A,
  certificateNo: `1405-${officerId}`,
  validFrom: '2018-01-01',
  validTo: '2030-12-31',
  roles: ['officer'],
});

describe('webhook subscriptions over HTTP', () => {
  it('when an integration subscribes, then the secret is answered once, never stored in the log, and deliveries verify with it', async () => {
    const created = await t.call('POST', '/v1/webhooks', {
      token: integration,
      body: { url: receiver.url, eventTypes: ['OfficerRegistered'] },
    });
    expect(created.status).toBe(201);
    const { id, secret } = created.body as { id: string; secret: string };
    expect(secret).toMatch(/^whsec_/);
    expect(created.headers.get('location')).toBe(`/v1/webhooks/${id}`);

    const got = await t.call('GET', `/v1/webhooks/${id}`, { token: integration });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ id, agency: A, url: receiver.url, enabled: true, signing: 'hmac-sha256' });
    expect(got.body.secret).toBeUndefined();
    const recorded = JSON.stringify(await t.service.events.readStream(webhookStream(A, id)));
    expect(recorded).not.toContain(secret.slice('whsec_'.length));

    expect((await t.call('POST', '/v1/officers', { token: admin, body: officer('alice') })).status).toBe(201);
    await eventually(() => receiver.received.length >= 1);
    const wh = new Webhook(secret);
    const [delivery] = receiver.received;
    expect(wh.verify(delivery!.body, delivery!.headers as Record<string, string>)).toMatchObject({
      type: 'OfficerRegistered',
      data: { stream: `officer-${A}:alice`, actor: { agency: A } },
    });

    // the receiver has its request before the worker records the answer: the figures follow a moment later
    const listed = () => t.call('GET', `/v1/webhooks/${id}/deliveries`, { token: admin });
    await eventually(async () => (await listed()).body.metrics?.delivered === 1);
    const deliveries = await listed();
    expect(deliveries.status).toBe(200);
    expect(deliveries.body).toMatchObject({ webhookId: id, enabled: true, metrics: { delivered: 1, pending: 0 } });
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toContain(`ledger_webhook_delivered_total{webhook="${id}",agency="${A}"} 1`);
  });

  /**
   * A subscription to officer registrations whose receiver answers 500 (with `body`), once the registration of
   * `officerId` has failed at least once; close `failing` after.
   */
  async function failingDelivery(officerId: string, body?: string) {
    const failing = await WebhookReceiver.start();
    try {
      failing.behave = () => ({ status: 500, ...(body === undefined ? {} : { body }) });
      const created = await t.call('POST', '/v1/webhooks', {
        token: integration,
        body: { url: failing.url, eventTypes: ['OfficerRegistered'] },
      });
      const id = created.body.id as string;
      expect((await t.call('POST', '/v1/officers', { token: admin, body: officer(officerId) })).status).toBe(201);
      const listed = () => t.call('GET', `/v1/webhooks/${id}/deliveries`, { token: integration });
      await eventually(async () => (await listed()).body.metrics?.failed >= 1);
      return { failing, id, listed };
    } catch (err) {
      await failing.close();
      throw err;
    }
  }

  /** The value of subscription `id`'s metric `name` in the text of /metrics (NaN when absent). */
  const metricOf = (metrics: string, id: string) => (name: string) =>
    Number(new RegExp(`^${name}\\{webhook="${id}",agency="${A}"\\} (\\S+)$`, 'm').exec(metrics)?.[1]);

  it("when a receiver keeps failing, then its subscription's failures and lag (events and seconds) are in /metrics and its deliveries, and the receiver's answer body is kept nowhere", async () => {
    const { failing, id, listed } = await failingDelivery('carol', 'receiver-private-answer');
    try {
      const deliveries = await listed();
      expect(deliveries.body.metrics).toMatchObject({ delivered: 0, pending: 1, dead: 0, lagEvents: 1 });
      expect(deliveries.body.metrics.lagSeconds).toBeGreaterThan(0);
      expect(deliveries.body.deliveries).toEqual([
        expect.objectContaining({ type: 'OfficerRegistered', state: 'pending', attempts: 1, lastStatus: 500 }),
      ]);
      expect(JSON.stringify(deliveries.body)).not.toContain('receiver-private-answer');

      const metrics = await (await fetch(`${t.url}/metrics`)).text();
      const value = metricOf(metrics, id);
      expect(value('ledger_webhook_failed_total')).toBeGreaterThanOrEqual(1);
      expect(value('ledger_webhook_delivered_total')).toBe(0);
      expect(value('ledger_webhook_lag_events')).toBe(1);
      expect(value('ledger_webhook_lag_seconds')).toBeGreaterThan(0);
      expect(metrics).not.toContain('receiver-private-answer');
    } finally {
      await failing.close();
    }
  });

  it('when a delivery waits behind a failing one of its stream, then it is listed heldBehind that one, due no sooner', async () => {
    const failing = await WebhookReceiver.start();
    try {
      failing.behave = () => ({ status: 500 });
      const created = await t.call('POST', '/v1/webhooks', {
        token: integration,
        body: { url: failing.url, eventTypes: ['OfficerRegistered', 'OfficerSuspended'] },
      });
      const id = created.body.id as string;
      expect((await t.call('POST', '/v1/officers', { token: admin, body: officer('erin') })).status).toBe(201);
      const listed = () => t.call('GET', `/v1/webhooks/${id}/deliveries`, { token: integration });
      await eventually(async () => (await listed()).body.metrics?.failed >= 1);
      const suspended = await t.call('POST', '/v1/officers/erin/suspension', {
        token: admin,
        body: { reason: '暂停执法资格' },
      });
      expect(suspended.status).toBe(201);
      await eventually(async () => (await listed()).body.deliveries?.length === 2);
      const [first, second] = (await listed()).body.deliveries as Record<string, unknown>[];
      expect(first).toMatchObject({ type: 'OfficerRegistered', state: 'pending', attempts: 1 });
      expect(first).not.toHaveProperty('heldBehind');
      expect(second).toMatchObject({
        type: 'OfficerSuspended',
        state: 'pending',
        attempts: 0,
        heldBehind: first!.position,
      });
      expect(Date.parse(second!.nextAttemptAt as string)).toBeGreaterThanOrEqual(
        Date.parse(first!.nextAttemptAt as string),
      );
      const body = (await listed()).body;
      expect(() => validate('urn:evidence-ledger:schema:response:webhook-deliveries', body)).not.toThrow();
      expect((await t.call('DELETE', `/v1/webhooks/${id}`, { token: integration })).status).toBe(204);
    } finally {
      await failing.close();
    }
  });

  it('when a subscription whose receiver keeps failing is deleted, then /metrics reports none of its deliveries pending or dead', async () => {
    const { failing, id, listed } = await failingDelivery('dave');
    try {
      expect((await listed()).body.metrics).toMatchObject({ pending: 1, dead: 0 });

      expect((await t.call('DELETE', `/v1/webhooks/${id}`, { token: integration })).status).toBe(204);
      const value = metricOf(await (await fetch(`${t.url}/metrics`)).text(), id);
      expect(value('ledger_webhook_lag_events')).toBe(0);
      expect(value('ledger_webhook_lag_seconds')).toBe(0);
      expect(value('ledger_webhook_dead_letters')).toBe(0);
    } finally {
      await failing.close();
    }
  });

  it('when another agency or a role without the right asks, then 404 and 403', async () => {
    const created = await t.call('POST', '/v1/webhooks', { token: integration, body: { url: freshUrl() } });
    const id = created.body.id as string;
    const other = t.token('erp', B, ['integration']);
    expect((await t.call('GET', `/v1/webhooks/${id}`, { token: other })).status).toBe(404);
    expect((await t.call('DELETE', `/v1/webhooks/${id}`, { token: other })).status).toBe(404);
    expect((await t.call('GET', '/v1/webhooks', { token: other })).body).toEqual({ items: [] });
    const officerToken = t.token('alice', A, ['officer']);
    expect((await t.call('GET', '/v1/webhooks', { token: officerToken })).status).toBe(403);
  });

  it.each([
    ['http://example.com/hook', 'scheme'],
    ['https://10.0.0.7/hook', 'address'],
    ['https://192.168.1.1/hook', 'address'],
    ['https://169.254.169.254/latest/meta-data', 'address'],
    ['https://[::1]/hook', 'address'],
    ['https://[fe80::1]/hook', 'address'],
    ['https://[::ffff:127.0.0.1]/hook', 'address'],
    ['https://[0:0:0:0:0:ffff:a9fe:a9fe]/hook', 'address'],
    ['https://[::127.0.0.1]/hook', 'address'],
    ['https://[64:ff9b::10.0.0.1]/hook', 'address'],
    ['https://[2002:c0a8:101::1]/hook', 'address'],
    ['https://[fc00::7]/hook', 'address'],
    ['https://[::]/hook', 'address'],
    // (127.0.0.1 is allow-listed here: 127.0.0.2 in other forms)
    ['https://2130706434/hook', 'address'], // 127.0.0.2, written as one decimal number
    ['https://0177.0.0.2/hook', 'address'], // 127.0.0.2, octal
    ['https://0x7f.2/hook', 'address'], // 127.0.0.2, hexadecimal and shortened
    ['https://0xa9.0xfe.0xa9.0xfe/hook', 'address'], // 169.254.169.254
    ['https://3232235777/hook', 'address'], // 192.168.1.1
    ['https://user:pw@hooks.example/hook', 'credentials'],
    ['https://localhost/hook', 'address'],
    ['http://127.0.0.1:0/hook', 'port'],
  ])('when the URL is %s, then 422 webhook_url_refused (%s) and nothing is recorded', async (url, reason) => {
    const head = await t.service.events.headPosition();
    const res = await t.call('POST', '/v1/webhooks', { token: integration, body: { url } });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'webhook_url_refused', reason });
    expect(await t.service.events.headPosition()).toBe(head);
  });

  it.each([
    ['a NUL at its end', `http://127.0.0.1:9/hook\u0000`],
    ['a space', 'https://hooks.example/a b'],
    ['a line break', 'https://hooks.example/hook\n'],
    ['a C1 control character', 'https://hooks.example/\u0085'],
  ])('when the URL holds %s, then 400 invalid_body naming /url and nothing is recorded', async (_what, url) => {
    const head = await t.service.events.headPosition();
    const res = await t.call('POST', '/v1/webhooks', { token: integration, body: { url } });
    expect([res.status, res.body.code, res.body.pointer]).toEqual([400, 'invalid_body', '/url']);
    expect(await t.service.events.headPosition()).toBe(head);
  });

  it('when a subscription would deliver the same events to the same URL as another, then 409 webhook_duplicate naming it; other types or payload are their own', async () => {
    const url = `${receiver.url}/twice`;
    const first = await t.call('POST', '/v1/webhooks', {
      token: integration,
      body: { url, eventTypes: ['CaseOpened'] },
    });
    expect(first.status).toBe(201);
    const head = await t.service.events.headPosition();
    // the same receiver written another way (upper-case scheme) is the same URL
    // the same receiver as the sender requests it: an empty query is none, an escaped unreserved character is itself
    const escaped = url.replace(/twice$/, '%74wice');
    for (const same of [url, url.replace('http://', 'HTTP://'), `${url}?`, escaped]) {
      const again = await t.call('POST', '/v1/webhooks', {
        token: integration,
        body: { url: same, eventTypes: ['CaseOpened'] },
      });
      expect([again.status, again.body.code, again.body.webhookId]).toEqual([409, 'webhook_duplicate', first.body.id]);
    }
    expect(await t.service.events.headPosition()).toBe(head);
    const other = await t.call('POST', '/v1/webhooks', {
      token: integration,
      body: { url, eventTypes: ['CaseOpened', 'CaseClosed'] },
    });
    expect(other.status).toBe(201);
    // nor may a change make one the same as another
    const changed = await t.call('PATCH', `/v1/webhooks/${other.body.id}`, {
      token: integration,
      body: { eventTypes: ['CaseOpened'] },
    });
    expect([changed.status, changed.body.code, changed.body.webhookId]).toEqual([
      409,
      'webhook_duplicate',
      first.body.id,
    ]);
    // another agency may send the same events to the same URL
    const elsewhere = await t.call('POST', '/v1/webhooks', {
      token: t.token('erp', B, ['integration']),
      body: { url, eventTypes: ['CaseOpened'] },
    });
    expect(elsewhere.status).toBe(201);
  });

  it('when the same subscription is sent several times at the same moment, then one is created and the others are 409 webhook_duplicate naming it', async () => {
    const url = freshUrl();
    const answers = await Promise.all(
      Array.from({ length: 4 }, () =>
        t.call('POST', '/v1/webhooks', { token: integration, body: { url, eventTypes: ['CaseClosed'] } }),
      ),
    );
    const created = answers.filter((a) => a.status === 201);
    expect(created).toHaveLength(1);
    for (const refused of answers.filter((a) => a.status !== 201)) {
      expect([refused.status, refused.body.code, refused.body.webhookId]).toEqual([
        409,
        'webhook_duplicate',
        created[0]!.body.id,
      ]);
    }
    const listed = await t.call('GET', `/v1/webhooks?consistentWith=${created[0]!.body.position}`, {
      token: integration,
    });
    expect(listed.body.items.filter((w: { url: string }) => w.url === url)).toHaveLength(1);
  });

  it('when an agency has as many subscriptions as WEBHOOK_MAX_PER_AGENCY, then another is 409 webhook_limit; a retried creation and a deletion still work', async () => {
    const small = await startTestService({ WEBHOOK_ALLOW_HOSTS: '127.0.0.1', WEBHOOK_MAX_PER_AGENCY: '2' });
    try {
      const token = small.token('erp', A, ['integration']);
      const create = (n: number, key?: string) =>
        small.call('POST', '/v1/webhooks', {
          token,
          body: { url: `${receiver.url}/limit-${n}` },
          ...(key ? { headers: { 'idempotency-key': key } } : {}),
        });
      expect((await create(1, 'k-1')).status).toBe(201);
      expect((await create(2)).status).toBe(201);
      const third = await create(3);
      expect([third.status, third.body.code, third.body.limit]).toEqual([409, 'webhook_limit', 2]);
      expect(third.body.type).toBe('/problems/webhook_limit');
      // the first creation sent again under its key is answered as before, full or not
      const retried = await create(1, 'k-1');
      expect(retried.status).toBe(200);
      expect((await small.call('DELETE', `/v1/webhooks/${retried.body.id}`, { token })).status).toBe(204);
      expect((await create(3)).status).toBe(201);
      // another agency counts its own
      expect(
        (
          await small.call('POST', '/v1/webhooks', {
            token: small.token('erp', B, ['integration']),
            body: { url: `${receiver.url}/limit-1` },
          })
        ).status,
      ).toBe(201);
    } finally {
      await small.stop();
    }
  });

  it('when a key is rotated, then for the overlap each delivery verifies with the old secret and the new, and the subscription says when', async () => {
    const url = `${receiver.url}/rotating`;
    const created = await t.call('POST', '/v1/webhooks', {
      token: integration,
      body: { url, eventTypes: ['OfficerRegistered'] },
    });
    const id = created.body.id as string;
    expect(created.body).not.toHaveProperty('keyRotatedAt');
    const rotated = await t.call('PATCH', `/v1/webhooks/${id}`, { token: integration, body: { rotateKey: true } });
    expect(rotated.status).toBe(200);
    expect(Date.parse(rotated.body.keyRotatedAt)).toBeGreaterThan(Date.parse(created.body.createdAt) - 1);
    expect(() => validate('urn:evidence-ledger:schema:response:webhook', rotated.body)).not.toThrow();
    const before = receiver.received.length;
    expect((await t.call('POST', '/v1/officers', { token: admin, body: officer('rosa') })).status).toBe(201);
    // this subscription's delivery (another of the receiver's subscriptions receives registrations too)
    const ours = (r: { headers: Record<string, unknown> }) => String(r.headers['webhook-id']).startsWith(`msg_${id}_`);
    await eventually(() => receiver.received.slice(before).some(ours));
    const delivery = receiver.received.slice(before).find(ours)!;
    expect(delivery.body).toContain(`officer-${A}:rosa`);
    const headers = delivery.headers as Record<string, string>;
    expect(headers['webhook-signature']!.split(' ')).toHaveLength(2);
    for (const secret of [created.body.secret as string, rotated.body.secret as string]) {
      expect(new Webhook(secret).verify(delivery.body, headers)).toMatchObject({ type: 'OfficerRegistered' });
    }
    expect((await t.call('DELETE', `/v1/webhooks/${id}`, { token: integration })).status).toBe(204);
  });

  it('when a subscription is changed, rotated and deleted, then each change is a signed event and the last answers 404', async () => {
    const created = await t.call('POST', '/v1/webhooks', { token: integration, body: { url: freshUrl() } });
    const id = created.body.id as string;
    const changed = await t.call('PATCH', `/v1/webhooks/${id}`, {
      token: integration,
      body: { eventTypes: ['CaseOpened'], rotateKey: true },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      eventTypes: ['CaseOpened'],
      keyGeneration: 2,
      secret: expect.stringMatching(/^whsec_/),
    });
    expect(changed.body.secret).not.toBe(created.body.secret);
    expect(
      (await t.call('PATCH', `/v1/webhooks/${id}`, { token: integration, body: { url: 'http://example.com/' } }))
        .status,
    ).toBe(422);
    expect((await t.call('PATCH', `/v1/webhooks/${id}`, { token: integration, body: {} })).status).toBe(400);
    expect((await t.call('DELETE', `/v1/webhooks/${id}`, { token: integration })).status).toBe(204);
    expect((await t.call('GET', `/v1/webhooks/${id}`, { token: integration })).status).toBe(404);
    const recorded = (await t.service.events.readStream(webhookStream(A, id))).map((r) => r.event);
    expect(recorded.map((e) => e.type)).toEqual(['WebhookSubscribed', 'WebhookChanged', 'WebhookDeleted']);
    // the create and the change answered the events that recorded them
    expect([created.body.eventId, changed.body.eventId]).toEqual(recorded.slice(0, 2).map((e) => e.id));
    expect(recorded.map((e) => e.actor)).toEqual(Array(3).fill(expect.objectContaining({ sub: 'erp', agency: A })));
    // signed and chained like every registry record
    const serviceKeys = keyResolver(t.service.keys.all.filter((k) => k.purpose === 'event').map((k) => k.publicKey));
    expect(verifyChain(recorded, { serviceKeys })).toEqual({ ok: true });
  });

  it('when a replay names no valid position, then 400 invalid_query', async () => {
    const created = await t.call('POST', '/v1/webhooks', { token: integration, body: { url: freshUrl() } });
    const res = await t.call('POST', `/v1/webhooks/${created.body.id}/replay?from=zero`, { token: integration });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid_query' });
    const ok = await t.call('POST', `/v1/webhooks/${created.body.id}/replay?from=1`, { token: integration });
    expect(ok.status).toBe(202);
    expect(ok.body).toMatchObject({ requeued: expect.any(Number), through: expect.any(Number) });
  });

  it('when a replay starts beyond the head of the log, then 400 invalid_query naming from; the position after the head is an empty replay', async () => {
    const created = await t.call('POST', '/v1/webhooks', { token: integration, body: { url: freshUrl() } });
    const replay = (from: number) =>
      t.call('POST', `/v1/webhooks/${created.body.id}/replay?from=${from}`, { token: integration });
    const beyond = await replay(created.body.position + 1_000_000_000);
    expect(beyond.status).toBe(400);
    expect(beyond.body).toMatchObject({ code: 'invalid_query', parameter: 'from' });
    expect(beyond.body.detail).toMatch(/^from is beyond/);
    const next = await replay(created.body.position + 1);
    expect(next.status).toBe(202);
    expect(next.body.requeued).toBe(0);
    expect(next.body.through).toBeLessThanOrEqual(created.body.position);
  });

  it('when If-Match names a revision the subscription has moved past, then PATCH and DELETE are 409 revision_conflict and nothing is recorded', async () => {
    const created = await t.call('POST', '/v1/webhooks', { token: integration, body: { url: freshUrl() } });
    const id = created.body.id as string;
    expect(created.headers.get('etag')).toBe('"0"');
    const changed = await t.call('PATCH', `/v1/webhooks/${id}`, {
      token: integration,
      headers: { 'if-match': '"0"' },
      body: { eventTypes: ['HearingHeld'] },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).toBe('"1"');
    const stream = webhookStream(A, id);
    const recorded = (await t.service.events.readStream(stream)).length;

    const stale = await t.call('PATCH', `/v1/webhooks/${id}`, {
      token: integration,
      headers: { 'if-match': '"0"' },
      body: { eventTypes: ['EvidenceCollected'] },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'revision_conflict' });
    const staleDelete = await t.call('DELETE', `/v1/webhooks/${id}`, {
      token: integration,
      headers: { 'if-match': '"0"' },
    });
    expect(staleDelete.status).toBe(409);
    expect((await t.service.events.readStream(stream)).length).toBe(recorded);
    expect((await t.call('GET', `/v1/webhooks/${id}`, { token: integration })).body.eventTypes).toEqual([
      'HearingHeld',
    ]);

    const deleted = await t.call('DELETE', `/v1/webhooks/${id}`, {
      token: integration,
      headers: { 'if-match': '"1"' },
    });
    expect(deleted.status).toBe(204);
  });

  it('when a PATCH is sent again under its Idempotency-Key, then the original answer, its new secret included; with another body, 422 idempotency_key_reused and nothing is recorded', async () => {
    const created = await t.call('POST', '/v1/webhooks', { token: integration, body: { url: freshUrl() } });
    const id = created.body.id as string;
    const stream = webhookStream(A, id);
    const patch = (key: string, body: unknown) =>
      t.call('PATCH', `/v1/webhooks/${id}`, { token: integration, headers: { 'idempotency-key': key }, body });

    const first = await patch('change-1', { eventTypes: ['HearingHeld'] });
    expect([first.status, first.headers.get('etag')]).toEqual([200, '"1"']);
    const again = await patch('change-1', { eventTypes: ['HearingHeld'] });
    expect([again.status, again.headers.get('etag'), again.body.position]).toEqual([200, '"1"', first.body.position]);
    const other = await patch('change-1', { eventTypes: ['CaseOpened'] });
    expect([other.status, other.body.code]).toEqual([422, 'idempotency_key_reused']);
    const rotate = await patch('change-1', { eventTypes: ['HearingHeld'], rotateKey: true });
    expect([rotate.status, rotate.body.code]).toEqual([422, 'idempotency_key_reused']);

    const rotated = await patch('rotate-1', { rotateKey: true });
    expect([rotated.status, rotated.headers.get('etag'), typeof rotated.body.secret]).toEqual([200, '"2"', 'string']);
    const rotatedAgain = await patch('rotate-1', { rotateKey: true });
    expect([rotatedAgain.status, rotatedAgain.headers.get('etag')]).toEqual([200, '"2"']);
    expect(rotatedAgain.body.secret).toBe(rotated.body.secret);

    expect((await t.service.events.readStream(stream)).map((r) => r.event.type)).toEqual([
      'WebhookSubscribed',
      'WebhookChanged',
      'WebhookChanged',
    ]);
    const now = await t.call('GET', `/v1/webhooks/${id}`, { token: integration });
    expect([now.body.eventTypes, now.body.keyGeneration]).toEqual([['HearingHeld'], 2]);
  });

  it('when a DELETE is sent again under its Idempotency-Key, then 204 again; under a key a PATCH used, 422 idempotency_key_reused and the subscription stays', async () => {
    const created = await t.call('POST', '/v1/webhooks', { token: integration, body: { url: freshUrl() } });
    const id = created.body.id as string;
    const stream = webhookStream(A, id);
    const changed = await t.call('PATCH', `/v1/webhooks/${id}`, {
      token: integration,
      headers: { 'idempotency-key': 'op-1' },
      body: { eventTypes: ['HearingHeld'] },
    });
    expect(changed.status).toBe(200);
    const reused = await t.call('DELETE', `/v1/webhooks/${id}`, {
      token: integration,
      headers: { 'idempotency-key': 'op-1' },
    });
    expect([reused.status, reused.body?.code]).toEqual([422, 'idempotency_key_reused']);
    expect((await t.call('GET', `/v1/webhooks/${id}`, { token: integration })).status).toBe(200);

    const remove = () =>
      t.call('DELETE', `/v1/webhooks/${id}`, { token: integration, headers: { 'idempotency-key': 'op-2' } });
    expect((await remove()).status).toBe(204);
    expect((await remove()).status).toBe(204);
    expect((await t.service.events.readStream(stream)).map((r) => r.event.type)).toEqual([
      'WebhookSubscribed',
      'WebhookChanged',
      'WebhookDeleted',
    ]);
    expect((await t.call('GET', `/v1/webhooks/${id}`, { token: integration })).status).toBe(404);
    const unkeyed = await t.call('DELETE', `/v1/webhooks/${id}`, { token: integration });
    expect(unkeyed.status).toBe(404);
  });

  it('when a creation is sent again under its Idempotency-Key after the subscription was deleted, then 410 webhook_deleted and nothing is subscribed', async () => {
    const create = () =>
      t.call('POST', '/v1/webhooks', {
        token: integration,
        headers: { 'idempotency-key': 'provision-1' },
        body: { url: `${receiver.url}/provision-1` },
      });
    const created = await create();
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await t.call('DELETE', `/v1/webhooks/${id}`, { token: integration })).status).toBe(204);
    const again = await create();
    expect([again.status, again.body.code, again.body.webhookId]).toEqual([410, 'webhook_deleted', id]);
    expect((await t.call('GET', `/v1/webhooks/${id}`, { token: integration })).status).toBe(404);
    const listed = await t.call('GET', '/v1/webhooks', { token: integration });
    expect(listed.body.items.map((w: { id: string }) => w.id)).not.toContain(id);
  });

  it('when a PATCH changes nothing, then 200 with the subscription as it is, the same ETag, and nothing is recorded', async () => {
    const created = await t.call('POST', '/v1/webhooks', {
      token: integration,
      body: { url: receiver.url, eventTypes: ['HearingHeld', 'CaseOpened'] },
    });
    const id = created.body.id as string;
    const stream = webhookStream(A, id);
    for (const body of [
      { enabled: true },
      { enabled: true },
      { eventTypes: ['CaseOpened', 'HearingHeld'] },
      { url: receiver.url, payload: 'envelope' },
    ]) {
      const same = await t.call('PATCH', `/v1/webhooks/${id}`, {
        token: integration,
        headers: { 'if-match': '"0"' },
        body,
      });
      expect([same.status, same.headers.get('etag')]).toEqual([200, '"0"']);
      expect(same.body).toMatchObject({ id, enabled: true, position: created.body.position });
      expect(same.body).not.toHaveProperty('secret');
    }
    expect((await t.service.events.readStream(stream)).map((r) => r.event.type)).toEqual(['WebhookSubscribed']);

    // a change, and a key rotation, still record
    const changed = await t.call('PATCH', `/v1/webhooks/${id}`, { token: integration, body: { eventTypes: null } });
    expect([changed.status, changed.headers.get('etag')]).toEqual([200, '"1"']);
    const rotated = await t.call('PATCH', `/v1/webhooks/${id}`, { token: integration, body: { rotateKey: true } });
    expect([rotated.headers.get('etag'), typeof rotated.body.secret]).toEqual(['"2"', 'string']);
  });

  it('when eventTypes names a type no stream of the agency holds, then 400 invalid_body naming it and nothing is recorded', async () => {
    const before = (await t.service.events.readAll({ after: 0, limit: 100_000 })).length;
    const misspelt = await t.call('POST', '/v1/webhooks', {
      token: integration,
      body: { url: receiver.url, eventTypes: ['DecisionIssued', 'DecisionDisclose'] },
    });
    expect(misspelt.status).toBe(400);
    expect(misspelt.body).toMatchObject({ code: 'invalid_body', pointer: '/eventTypes/1' });
    expect(JSON.stringify(misspelt.body)).not.toContain('DecisionDisclose"');
    expect((await t.service.events.readAll({ after: 0, limit: 100_000 })).length).toBe(before);

    const created = await t.call('POST', '/v1/webhooks', {
      token: integration,
      body: { url: receiver.url, eventTypes: ['DecisionDisclosed', 'CaseAccessed'] },
    });
    expect(created.status).toBe(201);
    const changed = await t.call('PATCH', `/v1/webhooks/${created.body.id}`, {
      token: integration,
      body: { eventTypes: ['Nonsense'] },
    });
    expect(changed.status).toBe(400);
    expect(changed.body).toMatchObject({ code: 'invalid_body', pointer: '/eventTypes/0' });
    const got = await t.call('GET', `/v1/webhooks/${created.body.id}`, { token: integration });
    expect(got.body.eventTypes).toEqual(['DecisionDisclosed', 'CaseAccessed']);
  });
});
