import { MAX_JSON_DEPTH } from '../../src/ledger/json-bounds.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';

/**
 * What the ledger accepts is bounded before the schema and before anything is signed: a body that nests too
 * deep, holds a lone UTF-16 surrogate or a number JSON cannot carry (1e999) is `400 invalid_body` naming the
 * member by JSON pointer, on every write route, and nothing is stored.
 */
const AGENCY = 'county-justice';
const DAY = '2026-11-02';
let t: TestService;
let admin: string;
let officer: string;
let evidenceId: string;

/** An array nesting `levels` levels deep, as JSON text. */
const nestedText = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

beforeAll(async () => {
  t = await startTestService();
  ({ admin, officer } = await seedAgency(t, AGENCY));
  const open = {
    caseId: 'b-1',
    itemCode: 'P-001',
    title: '案件',
    openedOn: DAY,
    officers: ['alice', 'bob'],
    parties: [{ kind: 'person', name: '李四' }],
  };
  expect((await t.call('POST', '/v1/cases', { token: officer, body: open })).status).toBe(201);
  const evidence = { type: 'EvidenceCollected', occurredAt: `${DAY}T09:00:00+08:00`, data: { description: '照片' } };
  const written = await t.call('POST', '/v1/cases/b-1/acts', { token: officer, body: evidence });
  expect(written.status).toBe(201);
  evidenceId = written.body.eventId;
});
afterAll(() => t.stop());

/** Every event of the store: what a refused request must leave as it was. */
async function eventCount(): Promise<number> {
  return (await t.service.events.readAll({ after: 0, limit: 100_000 })).length;
}

/** A correction whose free-form `data.data` is the given JSON text. */
const correction = (freeForm: string) =>
  `{"type":"RecordCorrected","occurredAt":"${DAY}T10:00:00+08:00",` +
  `"data":{"corrects":"${evidenceId}","reason":"更正","data":{"x":${freeForm}}}}`;

async function expectRefused(route: string, token: string, body: string, pointer: RegExp | string) {
  const before = await eventCount();
  const res = await t.call('POST', route, { token, body });
  expect(res.status).toBe(400);
  expect(res.body.code).toBe('invalid_body');
  if (typeof pointer === 'string') expect(res.body.pointer).toBe(pointer);
  else expect(res.body.pointer).toMatch(pointer);
  expect(res.body.detail).toContain(res.body.pointer);
  expect(await eventCount()).toBe(before);
}

describe('bounded bodies', () => {
  it("when an act's free-form data nests deeper than 32 levels, then 400 invalid_body and nothing is stored", async () => {
    // the body's root, data and data.data are three levels; the array at data.data.x makes up the rest
    await expectRefused(
      '/v1/cases/b-1/acts',
      officer,
      correction(nestedText(MAX_JSON_DEPTH - 2)),
      /^\/data\/data\/x(\/0)+$/,
    );
    await expectRefused('/v1/cases/b-1/acts', officer, correction(nestedText(1_000)), /^\/data\/data\/x/);
  });

  it('when a body nests 5,000 levels, then 400 invalid_body rather than a stack overflow', async () => {
    await expectRefused('/v1/cases/b-1/acts', officer, correction(nestedText(5_000)), /^\/data\/data\/x/);
    await expectRefused('/v1/cases/b-1/acts:batch', officer, `{"acts":${nestedText(5_000)}}`, /^\/acts/);
    await expectRefused('/v1/officers', admin, nestedText(5_000), /^(\/0)+$/);
  });

  it("when an act's data nests within the bounds, then the bounds let it through to the schema's own checks", async () => {
    const res = await t.call('POST', '/v1/cases/b-1/acts', {
      token: officer,
      body: correction(nestedText(MAX_JSON_DEPTH - 3)),
    });
    // no act holds a member x: refused by the correction's check, which comes only after the bounds
    expect([res.status, res.body.pointer, res.body.detail]).toEqual([
      400,
      '/data/data/x',
      '/data/data/x: is a member of no act',
    ]);
  });

  it('when an act names more than 100 media, then 400 naming the list, before any is looked up', async () => {
    const media = Array.from({ length: 101 }, (_, i) => i.toString(16).padStart(64, '0'));
    const act = {
      type: 'EvidenceCollected',
      occurredAt: `${DAY}T11:00:00+08:00`,
      data: { description: '照片' },
      media,
    };
    await expectRefused('/v1/cases/b-1/acts', officer, JSON.stringify(act), '/media');
  });

  it('when a body has a lone surrogate in any text field, then 400 naming the field (officers, items, cases, acts)', async () => {
    const lone = '"\\ud800"'; // JSON text for a lone high surrogate
    await expectRefused(
      '/v1/officers',
      admin,
      `{"officerId":"carol","name":${lone},"agency":"${AGENCY}","certificateNo":"1405-c","validFrom":"2018-01-01","validTo":"2030-12-31","roles":["officer"]}`,
      '/name',
    );
    await expectRefused(
      '/v1/items',
      admin,
      `{"code":"P-002","agency":"${AGENCY}","name":"事项","category":"penalty","legalBasis":${lone}}`,
      '/legalBasis',
    );
    await expectRefused(
      '/v1/cases',
      officer,
      `{"caseId":"b-2","itemCode":"P-001","title":"t","openedOn":"${DAY}","officers":["alice","bob"],"parties":[{"kind":"person","name":"a\\udc00b"}]}`,
      '/parties/0/name',
    );
    await expectRefused(
      '/v1/cases/b-1/acts',
      officer,
      `{"type":"EvidenceCollected","occurredAt":"${DAY}T09:00:00+08:00","data":{"description":${lone}}}`,
      '/data/description',
    );
    await expectRefused(
      '/v1/cases/b-1/acts:batch',
      officer,
      `{"acts":[{"type":"EvidenceCollected","occurredAt":"${DAY}T09:00:00+08:00","data":{"description":${lone}}}]}`,
      '/acts/0/data/description',
    );
    await expectRefused('/v1/cases/b-1/acts', officer, correction(`{${lone}:1}`), '/data/data/x');
  });

  it('when a body holds a Unicode noncharacter in a text field, then 400 naming the field and nothing is stored', async () => {
    await expectRefused(
      '/v1/cases',
      officer,
      `{"caseId":"b-3","itemCode":"P-001","title":"t","openedOn":"${DAY}","officers":["alice","bob"],"parties":[{"kind":"person","name":"a\\ufdd0b"}]}`,
      '/parties/0/name',
    );
    await expectRefused(
      '/v1/cases/b-1/acts',
      officer,
      `{"type":"EvidenceCollected","occurredAt":"${DAY}T09:00:00+08:00","data":{"description":"N\\uffff1"}}`,
      '/data/description',
    );
    // written as UTF-8 rather than escaped, the same
    await expectRefused(
      '/v1/cases/b-1/acts',
      officer,
      `{"type":"EvidenceCollected","occurredAt":"${DAY}T09:00:00+08:00","data":{"description":"N\u{1fffe}1"}}`,
      '/data/description',
    );
  });

  it("when a party's name turns text around (a bidirectional override) or runs over lines, or its phone does, then 400 naming the field", async () => {
    const opening = (party: string) =>
      `{"caseId":"b-4","itemCode":"P-001","title":"t","openedOn":"${DAY}","officers":["alice","bob"],"parties":[${party}]}`;
    await expectRefused('/v1/cases', officer, opening('{"kind":"person","name":"\\u202e张三"}'), '/parties/0/name');
    await expectRefused('/v1/cases', officer, opening('{"kind":"person","name":"张\\u2067三"}'), '/parties/0/name');
    await expectRefused(
      '/v1/cases',
      officer,
      opening('{"kind":"organization","name":"某公司\\n分部"}'),
      '/parties/0/name',
    );
    await expectRefused(
      '/v1/cases',
      officer,
      opening('{"kind":"person","name":"张三","phone":"138\\u202e0000"}'),
      '/parties/0/phone',
    );
  });

  it('when a body holds 1e999 (not a finite number), then 400 naming the field', async () => {
    await expectRefused('/v1/cases/b-1/acts', officer, correction('1e999'), '/data/data/x');
    await expectRefused(
      '/v1/items',
      admin,
      `{"code":"P-003","agency":"${AGENCY}","name":"事项","category":"penalty","legalBasis":"法","major":{"fineFenAtLeast":1e999}}`,
      '/major/fineFenAtLeast',
    );
  });

  it('when free text an officer writes is 10,000 characters, then it is recorded, and so is a correction repeating it', async () => {
    // the text is sealed before it is signed (docs/privacy.md): its ciphertext is longer than the text, and the
    // limit is the text's, as a client sends it
    const findings = '现场检查发现'.repeat(1_667).slice(0, 10_000);
    const act = {
      type: 'EvidenceCollected',
      occurredAt: `${DAY}T12:00:00+08:00`,
      data: { description: findings },
    };
    const res = await t.call('POST', '/v1/cases/b-1/acts', { token: officer, body: act });
    expect(res.status).toBe(201);
    const fixed = `{"corrects":"${evidenceId}","reason":"更正","data":{"description":"${findings}"}}`;
    const corrected = await t.call('POST', '/v1/cases/b-1/acts', {
      token: officer,
      body: `{"type":"RecordCorrected","occurredAt":"${DAY}T12:30:00+08:00","data":${fixed}}`,
    });
    expect(corrected.status).toBe(201);
  });

  it("when a correction's members come in the shape of a sealed value, then 400 naming them and nothing is stored: only the service seals them, with a commitment to what they hold", async () => {
    const fake = { sealed: 'aes-256-gcm/v1', commitment: 'A'.repeat(43), iv: 'A'.repeat(16), ct: 'A'.repeat(22) };
    const act = {
      type: 'RecordCorrected',
      occurredAt: `${DAY}T12:40:00+08:00`,
      data: { corrects: evidenceId, reason: '更正', data: fake },
    };
    await expectRefused('/v1/cases/b-1/acts', officer, JSON.stringify(act), '/data/data');
  });

  it('when free text an officer writes is longer than 10,000 characters, then 400 naming the member it was sent as', async () => {
    const act = {
      type: 'EvidenceCollected',
      occurredAt: `${DAY}T12:00:00+08:00`,
      data: { description: '证'.repeat(10_001) },
    };
    await expectRefused('/v1/cases/b-1/acts', officer, JSON.stringify(act), '/data/description');
  });

  it('when x-purpose is cut to 200 characters inside a surrogate pair, then the read is recorded (no 500)', async () => {
    const purpose = encodeURIComponent('a'.repeat(199) + '😀');
    const res = await t.call('GET', '/v1/cases/b-1', { token: officer, headers: { 'x-purpose': purpose } });
    expect(res.status).toBe(200);
  });

  it('when x-purpose is sent as raw UTF-8 rather than percent-encoded, then 400 and no access is recorded', async () => {
    // the bytes of 案卷评查 as a client that forgot to encode them sends them; Node reads them as Latin-1
    const raw = Buffer.from('案卷评查', 'utf8').toString('latin1');
    const before = await eventCount();
    const res = await t.call('GET', '/v1/cases/b-1', { token: officer, headers: { 'x-purpose': raw } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid_body', detail: 'x-purpose is not valid percent-encoded UTF-8' });
    expect(await eventCount()).toBe(before);
  });
});

describe('the members a correction states', () => {
  const correcting = (members: unknown) =>
    JSON.stringify({
      type: 'RecordCorrected',
      occurredAt: `${DAY}T10:00:00+08:00`,
      data: { corrects: evidenceId, reason: '更正', data: members },
    });

  it.each([
    ['an impossible date', { decidedOn: '2026-02-30' }, '/data/data/decidedOn', 'must match format "date"'],
    ['an amount that is not whole fen', { fineFen: 1.5 }, '/data/data/fineFen', 'must be integer'],
    ['a member no act has', { bogus: { deep: [1, 2, 3] } }, '/data/data/bogus', 'is a member of no act'],
    ['members of two different acts', { decidedOn: DAY, description: '照片' }, '/data/data', 'not those of one act'],
    ['no member at all', {}, '/data/data', 'names no member to correct'],
  ])(
    'when a correction states %s, then 400 invalid_body naming it, and nothing is recorded',
    async (_what, members, pointer, detail) => {
      const before = await eventCount();
      const res = await t.call('POST', '/v1/cases/b-1/acts', { token: officer, body: correcting(members) });
      expect([res.status, res.body.code, res.body.pointer]).toEqual([400, 'invalid_body', pointer]);
      expect(res.body.detail).toContain(detail);
      expect(await eventCount()).toBe(before);
    },
  );

  it('when a batch holds a bad correction, then the pointer names that act, and a correction in the shape of an act is recorded', async () => {
    const batch = `{"acts":[${correcting({ description: '照片三张' })},${correcting({ decidedOn: '2026-13-01' })}]}`;
    await expectRefused('/v1/cases/b-1/acts:batch', officer, batch, '/acts/1/data/data/decidedOn');
    const res = await t.call('POST', '/v1/cases/b-1/acts', {
      token: officer,
      body: correcting({ description: '照片三张' }),
    });
    expect(res.status).toBe(201);
  });
});
