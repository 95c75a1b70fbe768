import path from 'node:path';
import { loadValidators } from '../../src/http/validation.js';
import type { Clock } from '../../src/ports/clock.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';

const AGENCY = 'county-justice';
const START = Date.parse('2026-11-30T02:00:00Z');
const started = Date.now();
/** The service's clock: 2026-11-30T02:00:00Z (10:00 in China) when the test starts, ticking from there. */
const clock: Clock = { now: () => new Date(START + (Date.now() - started)) };
const BASIS = '《律师法》第五十条';

let t: TestService;
let admin: string;
let officer: string;
let supervisor: string;
let position = 0;

async function call(method: string, route: string, token: string | undefined, body?: unknown) {
  const res = await t.call(method, route, { ...(token ? { token } : {}), ...(body === undefined ? {} : { body }) });
  if (typeof res.body?.position === 'number') position = Math.max(position, res.body.position);
  return res;
}
const read = (route: string, token?: string) =>
  call('GET', `${route}${route.includes('?') ? '&' : '?'}consistentWith=${position}`, token);
const act = (caseId: string, type: string, data: object, occurredAt: string) =>
  call('POST', `/v1/cases/${caseId}/acts`, officer, { type, occurredAt, data });
const due = (asOf: string, more = '') =>
  read(`/v1/audit/due-for-erasure?agency=${AGENCY}&asOf=${asOf}${more}`, supervisor);

const validate = loadValidators(path.resolve(__dirname, '../../schemas'));

const item = (code: string, more: object) => ({
  code,
  agency: AGENCY,
  name: `事项${code}`,
  category: 'penalty',
  legalBasis: BASIS,
  ...more,
});

/** Opens a case of `itemCode`, decides a warning, publishes it and closes the case on 2026-11-24. */
async function closedCase(caseId: string, itemCode: string) {
  const opened = await call('POST', '/v1/cases', officer, {
    caseId,
    itemCode,
    title: '某律所未公示执业信息案',
    openedOn: '2026-11-02',
    officers: ['alice', 'bob'],
    parties: [{ kind: 'person', name: '张三丰', idNumber: '110101199003071234' }],
  });
  expect(opened.status).toBe(201);
  const decision = { decisionType: 'warning', legalBasis: BASIS, documentNo: `县司告〔2026〕${caseId}号` };
  const steps = [
    ['DecisionIssued', { ...decision, decidedOn: '2026-11-20' }, '2026-11-20T10:00:00+08:00'],
    ['DecisionDisclosed', { publishedOn: '2026-11-23' }, '2026-11-23T10:00:00+08:00'],
    ['CaseClosed', { closedOn: '2026-11-24' }, '2026-11-24T10:00:00+08:00'],
  ] as const;
  for (const [type, data, at] of steps) expect((await act(caseId, type, data, at)).status).toBe(201);
}

beforeAll(async () => {
  t = await startTestService({}, { clock });
  ({ admin, officer } = await seedAgency(t, AGENCY, { officers: ['alice', 'bob'] }));
  supervisor = t.token('sam', AGENCY, ['supervisor']);
  expect((await call('POST', '/v1/items', admin, item('T-10', { retention: 10 }))).status).toBe(201);
  expect((await call('POST', '/v1/items', admin, item('T-PERM', { retention: 'permanent' }))).status).toBe(201);
  expect((await call('POST', '/v1/items', admin, item('I-001', { category: 'inspection' }))).status).toBe(201);
  await closedCase('E-1', 'T-10');
  await closedCase('E-2', 'P-001');
  await closedCase('E-3', 'T-PERM');
  await closedCase('E-4', 'I-001');
}, 120_000);

afterAll(() => t?.stop());

describe('retention periods (保管期限) and the cases due for erasure over HTTP', () => {
  it('when an item sets its retention, then the public item list shows it; an item that sets none shows none', async () => {
    const list = await read(`/v1/items?agency=${AGENCY}`);
    const of = (code: string) => list.body.items.find((i: { code: string }) => i.code === code);
    expect(of('T-10').retention).toBe(10);
    expect(of('T-PERM').retention).toBe('permanent');
    expect(of('P-001').retention).toBeUndefined();
  });

  it('when an item names a retention that is no whole number of years from 1 to 100, nor permanent, then 400 and nothing is registered', async () => {
    for (const retention of [0, 101, 2.5, 'forever', '10'])
      expect((await call('POST', '/v1/items', admin, item('T-BAD', { retention }))).status).toBe(400);
    const list = await read(`/v1/items?agency=${AGENCY}`);
    expect(list.body.items.map((i: { code: string }) => i.code)).not.toContain('T-BAD');
  });

  it('when no retention has run out yet, then the list is empty', async () => {
    const res = await due('2036-11-23');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ asOf: '2036-11-23', items: [] });
  });

  it("when ten years have run out (the item's own, or the inspection category's), then those cases are listed from that day, with where the period came from", async () => {
    const res = await due('2036-11-24');
    validate('urn:evidence-ledger:schema:response:audit-due-for-erasure', res.body);
    expect(res.body.items).toEqual([
      {
        kind: 'case',
        caseId: 'E-1',
        agency: AGENCY,
        itemCode: 'T-10',
        itemName: '事项T-10',
        closedOn: '2026-11-24',
        major: false,
        retention: { period: 10, source: 'item' },
        erasableFrom: '2036-11-24',
        daysPast: 0,
      },
      expect.objectContaining({ caseId: 'E-4', itemCode: 'I-001', retention: { period: 10, source: 'category' } }),
    ]);
  });

  it("when the penalty category's 30 years run out too, then those cases are listed too, longest past first; a permanent one never", async () => {
    const res = await due('2056-11-24');
    expect(
      res.body.items.map((i: { caseId: string; retention: object; daysPast: number }) => [i.caseId, i.retention]),
    ).toEqual([
      ['E-1', { period: 10, source: 'item' }],
      ['E-4', { period: 10, source: 'category' }],
      ['E-2', { period: 30, source: 'category' }],
    ]);
    expect(res.body.items[2].daysPast).toBe(0);
    expect((await due('9998-12-31')).body.items.map((i: { caseId: string }) => i.caseId)).not.toContain('E-3');
  });

  it('when the list is asked for as CSV, then each case is a row and no party is named', async () => {
    const csv = await due('2036-11-24', '&format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = String(csv.body);
    expect(text.split('\r\n')[0]).toBe(
      'kind,caseId,applicationId,agency,itemCode,itemName,closedOn,major,retention.period,retention.source,erasableFrom,daysPast',
    );
    expect(text).toContain('case,E-1,,county-justice,T-10,事项T-10,2026-11-24,false,10,item,2036-11-24,0');
    expect(text).not.toContain('张');
    expect(text).not.toContain('110101');
  });

  it('when someone who supervises nothing asks, or a supervisor of another agency, then 403; a malformed day is 400', async () => {
    expect((await read(`/v1/audit/due-for-erasure?asOf=2056-11-24`, officer)).status).toBe(403);
    const other = t.token('mia', 'city-market', ['supervisor']);
    expect((await read(`/v1/audit/due-for-erasure?agency=${AGENCY}`, other)).status).toBe(403);
    expect((await due('2036-02-30')).status).toBe(400);
  });
});

describe('the list of erasures over HTTP', () => {
  it('when a case is erased, then supervisors and admins see the case, when, by whom and the ground, and no personal data', async () => {
    expect((await read(`/v1/audit/erasures?agency=${AGENCY}`, supervisor)).body.items).toEqual([]);
    const erased = await call('POST', '/v1/cases/E-1/erasure', admin, {
      ground: 'retention_expired',
      reason: '张三丰的案卷保管期限届满',
    });
    expect(erased.status).toBe(201);
    for (const token of [supervisor, admin]) {
      const list = await read(`/v1/audit/erasures?agency=${AGENCY}`, token);
      expect(list.status).toBe(200);
      expect(list.body.items).toEqual([
        {
          kind: 'case',
          caseId: 'E-1',
          agency: AGENCY,
          erasedAt: expect.stringMatching(/^2026-11-30T/),
          by: `head-${AGENCY}`,
          ground: 'retention_expired',
          eventId: erased.body.eventId,
        },
      ]);
      expect(JSON.stringify(list.body)).not.toMatch(/张三丰|110101199003071234/);
    }
    // no longer due for erasure once erased
    const dueLater = await due('2036-11-24');
    expect(dueLater.body.items.map((c: { caseId: string }) => c.caseId)).not.toContain('E-1');
    expect((await read(`/v1/audit/erasures`, officer)).status).toBe(403);
    const other = t.token('mia', 'city-market', ['supervisor']);
    expect((await read(`/v1/audit/erasures?agency=${AGENCY}`, other)).status).toBe(403);
  });
});

describe('refused online applications (不予受理) due for erasure over HTTP', () => {
  const applicant = { kind: 'person', name: '李四海', idNumber: '110101198802021234', phone: '13700001111' };
  const file = async () => {
    const res = await call('POST', '/v1/applications', undefined, {
      agency: AGENCY,
      itemCode: 'L-001',
      applicant,
      request: '申请律师执业证',
    });
    expect([res.status, res.body.detail]).toEqual([201, undefined]);
    return { applicationId: res.body.applicationId as string, lookupCode: res.body.lookupCode as string };
  };
  const applications = async (asOf: string) =>
    (await due(asOf)).body.items.filter((i: { kind: string }) => i.kind === 'application');

  it('when an application was refused, then it is listed from ten years after the refusal, until its applicant is erased; one never decided is not', async () => {
    const licensing = item('L-001', { category: 'licensing', legalBasis: '《律师法》第六条' });
    expect((await call('POST', '/v1/items', admin, licensing)).status).toBe(201);
    const receipt = await file();
    const { applicationId: refused } = receipt;
    const { applicationId: pending } = await file();
    const rejection = await call('POST', `/v1/applications/${refused}/rejection`, officer, {
      reason: '材料不齐全',
      legalBasis: '《行政许可法》第三十二条',
    });
    expect(rejection.status).toBe(201);

    // refused on 2026-11-30 by the service's clock: ten calendar years run out on 2036-11-30
    expect(await applications('2036-11-29')).toEqual([]);
    validate('urn:evidence-ledger:schema:response:audit-due-for-erasure', (await due('2056-11-24')).body);
    const listed = await applications('2036-12-01');
    expect(listed).toEqual([
      {
        kind: 'application',
        applicationId: refused,
        agency: AGENCY,
        itemCode: 'L-001',
        itemName: '事项L-001',
        closedOn: '2026-11-30',
        retention: { period: 10, source: 'refused_application' },
        erasableFrom: '2036-11-30',
        daysPast: 1,
      },
    ]);
    expect(JSON.stringify(listed)).not.toContain(pending);
    const csv = String((await due('2036-12-01', '&format=csv')).body);
    expect(csv).toContain(`application,,${refused},county-justice,L-001,事项L-001,2026-11-30,,10,refused_application`);
    expect(csv).not.toMatch(/李四海|110101198802021234/);

    const erased = await call('POST', `/v1/applications/${refused}/erasure`, admin, {
      ground: 'retention_expired',
      reason: '不予受理的申请保管期限届满（10年）',
    });
    expect([erased.status, erased.body.detail]).toEqual([201, undefined]);
    expect(await applications('2036-12-01')).toEqual([]);
    // the applicant's progress says when the data was erased, and nothing of the applicant
    const progress = await t.call('GET', `/v1/applications/${AGENCY}/${refused}/progress?consistentWith=${position}`, {
      headers: { 'x-lookup-code': receipt.lookupCode },
    });
    validate('urn:evidence-ledger:schema:response:application-progress', progress.body);
    expect([progress.body.status, progress.body.dataErasedAt]).toEqual([
      'rejected',
      expect.stringMatching(/^2026-11-30T/),
    ]);
  });
});
