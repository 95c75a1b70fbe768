import { computeDraw } from '../../src/ledger/draw.js';
import { startTestService, type TestService } from '../support/service.js';
import { growLogTo, INSPECTION_AGENCY, PLAN_ID, planBody, seedPlan, SUBJECTS } from '../support/inspections.js';

let t: TestService;
let seeded: Awaited<ReturnType<typeof seedPlan>>;
let position = 0;

async function call(method: string, route: string, token: string | undefined, body?: unknown) {
  const res = await t.call(method, route, { ...(token ? { token } : {}), ...(body === undefined ? {} : { body }) });
  if (typeof res.body?.position === 'number') position = Math.max(position, res.body.position);
  return res;
}
const read = (route: string) =>
  call('GET', `${route}${route.includes('?') ? '&' : '?'}consistentWith=${position}`, undefined);
const b64 = (s: string) => Buffer.from(s, 'base64');

beforeAll(async () => {
  t = await startTestService();
  seeded = await seedPlan(t);
  // the log reaches the plan's size before any change below: the changes fall after the draw's prefix
  await growLogTo(t, seeded.admin, seeded.drawAtSize);
}, 120_000);
afterAll(() => t.stop());

describe('amending and retiring regulated subjects (检查对象名录动态管理) over HTTP', () => {
  it('when the head amends a subject and retires another, then each is a signed event and the directory shows it', async () => {
    const amended = await call('POST', '/v1/subjects/S-002/amendments', seeded.admin, {
      changes: { sector: 'drugs', name: '陵川县第2药店' },
      reason: '经营范围变更',
    });
    expect([amended.status, amended.body.subjectId]).toEqual([201, 'S-002']);
    const retired = await call('POST', '/v1/subjects/S-001/retirement', seeded.admin, { reason: '注销登记' });
    expect(retired.status).toBe(201);
    expect(retired.body.revision).toBe(2); // registered, conflict declared, retired
    const list = (await read(`/v1/subjects?agency=${INSPECTION_AGENCY}&sector=food`)).body.items;
    expect(list.map((s: { subjectId: string }) => s.subjectId)).toEqual(['S-003', 'S-004', 'S-005']);
    const drugs = (await read(`/v1/subjects?agency=${INSPECTION_AGENCY}&sector=drugs`)).body.items;
    expect(drugs).toEqual(
      expect.arrayContaining([expect.objectContaining({ subjectId: 'S-002', name: '陵川县第2药店' })]),
    );
  });

  it("when a change is malformed, names no subject, is not the head's, or touches a retired subject, then it is refused and nothing is recorded", async () => {
    const officer = t.token('bob', INSPECTION_AGENCY, ['officer']);
    const cases: [string, string | undefined, unknown, number, string][] = [
      ['/v1/subjects/S-003/amendments', seeded.admin, { changes: {}, reason: '无' }, 400, 'invalid_body'],
      [
        '/v1/subjects/S-003/amendments',
        seeded.admin,
        { changes: { subjectId: 'S-9' }, reason: 'x' },
        400,
        'invalid_body',
      ],
      ['/v1/subjects/S-003/amendments', seeded.admin, { changes: { kind: 'bank' }, reason: 'x' }, 400, 'invalid_body'],
      ['/v1/subjects/S-003/retirement', seeded.admin, { reason: '' }, 400, 'invalid_body'],
      ['/v1/subjects/S-404/retirement', seeded.admin, { reason: '注销' }, 404, 'not_found'],
      ['/v1/subjects/S-003/retirement', officer, { reason: '注销' }, 403, 'forbidden'],
      ['/v1/subjects/S-003/retirement', undefined, { reason: '注销' }, 401, 'unauthenticated'],
      ['/v1/subjects/S-001/retirement', seeded.admin, { reason: '再次注销' }, 409, 'subject_retired'],
      [
        '/v1/subjects/S-001/amendments',
        seeded.admin,
        { changes: { sector: 'food' }, reason: '恢复' },
        409,
        'subject_retired',
      ],
    ];
    const before = (await t.call('GET', '/v1/ledger/checkpoint')).body.size;
    for (const [route, token, body, status, code] of cases) {
      const res = await call('POST', route, token, body);
      expect([route, res.status, res.body.code]).toEqual([route, status, code]);
    }
    expect((await t.call('GET', '/v1/ledger/checkpoint')).body.size).toBe(before);
  });

  it('when a plan fixed before the changes is drawn after them, then its candidates are the registry at its size, and the draw recomputes', async () => {
    const drawn = await call('POST', `/v1/inspections/${PLAN_ID}/draw`, seeded.admin, {});
    expect(drawn.status).toBe(201);
    const plan = (await read(`/v1/inspections/${INSPECTION_AGENCY}/${PLAN_ID}`)).body;
    expect(plan.draw.inputs.subjects).toEqual(SUBJECTS);
    const again = computeDraw(
      {
        agency: INSPECTION_AGENCY,
        planId: PLAN_ID,
        size: plan.draw.size,
        rootHash: b64(plan.draw.rootHash),
        sample: { count: 2 },
        inspectorsPerTarget: 2,
      },
      plan.draw.inputs,
    );
    expect(again.seed).toBe(plan.draw.seed);
    expect(again.targets).toEqual(drawn.body.targets);
  });

  it('when a plan is fixed after the changes, then neither the retired subject nor the one moved out of the sector is a candidate', async () => {
    const size = (await t.call('GET', '/v1/ledger/checkpoint')).body.size as number;
    const planned = await call('POST', '/v1/inspections', seeded.admin, planBody(size + 3, { planId: 'P-2026-02' }));
    expect(planned.status).toBe(201);
    await growLogTo(t, seeded.admin, size + 3);
    const drawn = await call('POST', '/v1/inspections/P-2026-02/draw', seeded.admin, {});
    expect(drawn.status).toBe(201);
    const plan = (await read(`/v1/inspections/${INSPECTION_AGENCY}/P-2026-02`)).body;
    expect(plan.draw.inputs.subjects).toEqual(['S-003', 'S-004', 'S-005']);
    expect(plan.draw.inputs.conflicts).toEqual([]);
    for (const target of drawn.body.targets) expect(['S-001', 'S-002']).not.toContain(target.subjectId);
  });
});
