import path from 'node:path';
import { Webhook } from 'standardwebhooks';
import { webhookStream } from '../../src/domain/webhooks/subscriptions.js';
import { loadValidators } from '../../src/http/validation.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';
import { eventually, WebhookReceiver } from '../support/webhook-receiver.js';

const A = 'county-justice';
const today = new Date().toISOString().slice(0, 10);
/** A time of the day (`HH:MM...`) on the UTC date as minutes and seconds after midnight in China: already past. */
const at = (time: string) => `${today}T00:${time.slice(0, 2)}:${time.slice(3, 5)}+08:00`;
const validate = loadValidators(path.resolve(__dirname, '../../schemas'));

/** Personal data that must never reach a public delivery. */
const PERSON = {
  kind: 'person',
  name: '张三丰',
  idNumber: '140521199001011234',
  phone: '13912345678',
  address: '城关镇人民路18号',
};
const SECRETS = ['张三丰', '140521199001011234', '13912345678', '人民路', 'idNumber', 'phone', 'address'];

let t: TestService;
let officer: string;
let integration: string;
let publicReceiver: WebhookReceiver;
let envelopeReceiver: WebhookReceiver;

beforeAll(async () => {
  publicReceiver = await WebhookReceiver.start();
  envelopeReceiver = await WebhookReceiver.start();
  t = await startTestService({ WEBHOOK_ALLOW_HOSTS: '127.0.0.1' });
  officer = (await seedAgency(t, A)).officer;
  integration = t.token('platform', A, ['integration']);
});
afterAll(async () => {
  await t.stop();
  await publicReceiver.close();
  await envelopeReceiver.close();
});

async function record(caseId: string, act: { type: string; occurredAt: string; data: unknown }): Promise<number> {
  const res = await t.call('POST', `/v1/cases/${caseId}/acts`, { token: officer, body: act });
  expect([act.type, res.status]).toEqual([act.type, 201]);
  return res.body.position as number;
}

/** Subscribes `receiver` (at `path` under its URL: the same URL, types and payload twice is refused). */
async function subscribe(receiver: WebhookReceiver, body: Record<string, unknown>, path = '') {
  const url = `${receiver.url}${path}`;
  const res = await t.call('POST', '/v1/webhooks', { token: integration, body: { url, ...body } });
  expect(res.status).toBe(201);
  expect(() => validate('urn:evidence-ledger:schema:response:webhook', res.body)).not.toThrow();
  return res.body as { id: string; secret: string; payload: string };
}

const envelopes = async (stream: string) => (await t.service.events.readStream(stream)).map((r) => r.event);
const types = (receiver: WebhookReceiver) => receiver.received.map((r) => JSON.parse(r.body).type as string);

/** The entry of `caseId` as `GET /v1/disclosures` lists it once the read models reached `position`. */
async function listed(caseId: string, position: number, list: 'items' | 'withdrawals') {
  const res = await t.call('GET', `/v1/disclosures?agency=${A}&consistentWith=${position}`);
  expect(res.status).toBe(200);
  return (res.body[list] as { caseId: string }[]).find((i) => i.caseId === caseId);
}

describe('webhook subscriptions with public payloads', () => {
  it('when a public and an envelope subscription watch the same agency, then the public one receives each disclosure act as the public API shows it, redacted and checkable in the ledger, and nothing else, while the envelope one receives every event', async () => {
    const pub = await subscribe(publicReceiver, { payload: 'public' });
    const env = await subscribe(envelopeReceiver, {});
    expect([pub.payload, env.payload]).toEqual(['public', 'envelope']);
    // the choice is part of the signed subscription event; an envelope subscription's event reads as before
    const [subscribed] = await envelopes(webhookStream(A, pub.id));
    expect(subscribed!.data).toMatchObject({ payload: 'public' });
    const [plain] = await envelopes(webhookStream(A, env.id));
    expect(plain!.data).not.toHaveProperty('payload');

    const caseId = 'hook-pub-1';
    const opened = await t.call('POST', '/v1/cases', {
      token: officer,
      body: {
        caseId,
        itemCode: 'P-001',
        title: '某案',
        openedOn: today,
        officers: ['alice', 'bob'],
        parties: [PERSON],
      },
    });
    expect(opened.status).toBe(201);
    await record(caseId, {
      type: 'DecisionIssued',
      occurredAt: at('10:00:00'),
      data: {
        decisionType: 'fine',
        fineFen: 500_000,
        legalBasis: '《律师法》第五十条',
        documentNo: '县司罚〔2026〕7号',
        decidedOn: today,
      },
    });
    const disclosed = await record(caseId, {
      type: 'DecisionDisclosed',
      occurredAt: at('11:00:00'),
      data: { publishedOn: today },
    });
    await eventually(() => publicReceiver.received.length >= 1);

    const [delivery] = publicReceiver.received;
    const wh = new Webhook(pub.secret);
    expect(() => wh.verify(delivery!.body, delivery!.headers as Record<string, string>)).not.toThrow();
    const payload = JSON.parse(delivery!.body);
    const item = await listed(caseId, disclosed, 'items');
    expect(item).toBeDefined();
    // the very bytes the public list answers for the entry
    expect(delivery!.body).toContain(`"data":${JSON.stringify(item)},`);
    expect(payload.data).toEqual(item);
    expect(payload.data.parties).toEqual([{ kind: 'person', name: '张**' }]);
    expect(payload.data.redactions).toEqual([
      expect.objectContaining({ path: '/parties/0/name', commitment: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) }),
    ]);
    for (const secret of SECRETS) expect(delivery!.body).not.toContain(secret);
    // what a receiver needs to check the record is in the ledger
    const events = await envelopes(`case-${A}:${caseId}`);
    const disclosure = events.find((e) => e.type === 'DecisionDisclosed')!;
    expect(payload).toMatchObject({
      type: 'DecisionDisclosed',
      position: disclosed,
      ledger: {
        eventId: disclosure.id,
        position: disclosed,
        eventHash: disclosure.hash,
        inclusionProof: `/v1/ledger/proof/inclusion?eventId=${disclosure.id}`,
      },
    });
    expect(payload.data.eventId).toBe(disclosure.id);
    const proof = await t.call('GET', `${payload.ledger.inclusionProof}&consistentWith=${disclosed}`);
    expect(proof.status).toBe(200);

    const withdrawn = await record(caseId, {
      type: 'DisclosureWithdrawn',
      occurredAt: at('15:00:00'),
      data: { reason: '决定已被复议撤销' },
    });
    await eventually(() => publicReceiver.received.length >= 2);
    const notice = JSON.parse(publicReceiver.received[1]!.body);
    expect(notice.type).toBe('DisclosureWithdrawn');
    expect(notice.data).toEqual(await listed(caseId, withdrawn, 'withdrawals'));

    // the envelope subscription received every event of the case, in order, as signed envelopes
    await eventually(() => types(envelopeReceiver).includes('DisclosureWithdrawn'));
    const caseTypes = envelopeReceiver.received
      .map((r) => JSON.parse(r.body).data as { stream: string; type: string })
      .filter((e) => e.stream === `case-${A}:${caseId}`)
      .map((e) => e.type);
    expect(caseTypes).toEqual(events.map((e) => e.type).concat('DisclosureWithdrawn'));
    expect(caseTypes).toContain('CaseOpened');

    // the public one never received a non-public act, and none was counted as a failure
    expect(types(publicReceiver)).toEqual(['DecisionDisclosed', 'DisclosureWithdrawn']);
    const deliveries = () => t.call('GET', `/v1/webhooks/${pub.id}/deliveries`, { token: integration });
    await eventually(async () => (await deliveries()).body.metrics.delivered === 2);
    expect((await deliveries()).body.metrics).toMatchObject({ delivered: 2, failed: 0, dead: 0, pending: 0 });
  });

  it('when a subscription is changed to public payloads, then each change of the choice is a signed event and the answer names the payload', async () => {
    const sub = await subscribe(envelopeReceiver, {}, '/changed');
    const changed = await t.call('PATCH', `/v1/webhooks/${sub.id}`, {
      token: integration,
      body: { payload: 'public' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.payload).toBe('public');
    const stream = await envelopes(webhookStream(A, sub.id));
    expect(stream.map((e) => [e.type, (e.data as { payload?: string }).payload])).toEqual([
      ['WebhookSubscribed', undefined],
      ['WebhookChanged', 'public'],
    ]);
    const back = await t.call('PATCH', `/v1/webhooks/${sub.id}`, { token: integration, body: { payload: 'envelope' } });
    expect(back.body.payload).toBe('envelope');
    const again = await envelopes(webhookStream(A, sub.id));
    expect(again[2]!.data).not.toHaveProperty('payload');
  });

  it('when a public subscription would name a type a public payload never carries, then 400 invalid_body pointing at it and nothing is recorded', async () => {
    const before = (await t.service.events.readAll({ after: 0, limit: 100_000 })).length;
    const created = await t.call('POST', '/v1/webhooks', {
      token: integration,
      body: { url: publicReceiver.url, payload: 'public', eventTypes: ['DecisionDisclosed', 'EvidenceCollected'] },
    });
    expect([created.status, created.body.code, created.body.pointer]).toEqual([400, 'invalid_body', '/eventTypes/1']);
    expect((await t.service.events.readAll({ after: 0, limit: 100_000 })).length).toBe(before);

    const pub = await subscribe(publicReceiver, { payload: 'public', eventTypes: ['DecisionDisclosed'] });
    const widened = await t.call('PATCH', `/v1/webhooks/${pub.id}`, {
      token: integration,
      body: { eventTypes: ['HearingHeld', 'DisclosureWithdrawn'] },
    });
    expect([widened.status, widened.body.pointer]).toEqual([400, '/eventTypes/0']);
    const env = await subscribe(envelopeReceiver, { eventTypes: ['DecisionDisclosed', 'CaseOpened'] });
    const madePublic = await t.call('PATCH', `/v1/webhooks/${env.id}`, {
      token: integration,
      body: { payload: 'public' },
    });
    expect([madePublic.status, madePublic.body.code, madePublic.body.pointer]).toEqual([
      400,
      'invalid_body',
      '/payload',
    ]);
    expect(madePublic.body.detail).toMatch(/CaseOpened/);
    expect((await envelopes(webhookStream(A, pub.id))).length).toBe(1);
    expect((await envelopes(webhookStream(A, env.id))).length).toBe(1);

    const narrowed = await t.call('PATCH', `/v1/webhooks/${env.id}`, {
      token: integration,
      body: { payload: 'public', eventTypes: ['DecisionDisclosed', 'DisclosureUpdated', 'DisclosureWithdrawn'] },
    });
    expect([narrowed.status, narrowed.body.payload]).toEqual([200, 'public']);
  });

  it('when the payload is neither envelope nor public, then 400 and nothing is recorded', async () => {
    const before = (await t.call('GET', '/v1/webhooks', { token: integration })).body.items.length;
    const res = await t.call('POST', '/v1/webhooks', {
      token: integration,
      body: { url: publicReceiver.url, payload: 'redacted' },
    });
    expect(res.status).toBe(400);
    expect((await t.call('GET', '/v1/webhooks', { token: integration })).body.items).toHaveLength(before);
  });
});
