import { startTestService, type TestService } from '../support/service.js';
import { INSPECTION_AGENCY, PLAN_ID, planBody, seedDrawnPlan } from '../support/inspections.js';

let t: TestService;
let seeded: Awaited<ReturnType<typeof seedDrawnPlan>>;
let supervisor: string;
let position = 0;

async function call(method: string, route: string, token: string, body?: unknown) {
  const res = await t.call(method, route, { token, ...(body === undefined ? {} : { body }) });
  if (typeof res.body?.position === 'number') position = Math.max(position, res.body.position);
  return res;
}
const overdue = (asOf: string, more = '') =>
  call('GET', `/v1/audit/overdue-inspections?asOf=${asOf}&consistentWith=${position}${more}`, supervisor);
type Target = { subjectId: string; inspectors: string[] };

beforeAll(async () => {
  t = await startTestService();
  seeded = await seedDrawnPlan(t);
  supervisor = t.token('sam', INSPECTION_AGENCY, ['supervisor']);
}, 120_000);
afterAll(() => t.stop());

describe('inspections overdue (双随机抽查逾期未抽取、结果逾期未录入) over HTTP', () => {
  it("when the plan's period (to 2026-03-31) has not ended, then nothing is overdue", async () => {
    const res = await overdue('2026-03-31');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ asOf: '2026-03-31', items: [] });
  });

  it('when the period has ended and no outcome is recorded, then the plan is listed with every drawn target and its inspectors', async () => {
    const targets = seeded.drawn.targets as Target[];
    const res = await overdue('2026-04-01');
    expect(res.body.items).toEqual([
      {
        agency: INSPECTION_AGENCY,
        planId: PLAN_ID,
        title: '2026年第一季度食品经营双随机抽查',
        startsOn: '2026-03-01',
        stage: 'outcomes',
        dueBy: '2026-03-31',
        daysOverdue: 1,
        drawn: 2,
        targets: targets.map((x) => ({
          subjectId: x.subjectId,
          name: expect.stringMatching(/^陵川县第\d食品店$/),
          inspectors: x.inspectors,
        })),
      },
    ]);
  });

  it('when one target has its outcome recorded, then only the other stays overdue, also in the CSV', async () => {
    const [first, second] = seeded.drawn.targets as Target[];
    const recorded = await call(
      'POST',
      `/v1/inspections/${PLAN_ID}/outcomes`,
      t.token(first!.inspectors[0]!, INSPECTION_AGENCY, ['officer']),
      { subjectId: first!.subjectId, outcome: 'no_problem', summary: '未发现问题', inspectedOn: '2026-04-02' },
    );
    expect(recorded.status).toBe(201);
    const res = await overdue('2026-04-10');
    expect(res.body.items.map((i: { targets: Target[] }) => i.targets.map((x) => x.subjectId))).toEqual([
      [second!.subjectId],
    ]);
    const csv = await overdue('2026-04-10', '&format=csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = String(csv.body).split('\r\n');
    expect(lines[0]).toContain('agency,planId,title,startsOn,stage,dueBy,daysOverdue,drawn,targets.subjectId');
    expect(lines[1]).toContain(`${INSPECTION_AGENCY},${PLAN_ID},`);
    expect(lines[1]).toContain(`,outcomes,2026-03-31,10,2,${second!.subjectId},`);
    expect(lines[1]).toContain(second!.inspectors.join('; '));
  });

  it('when a plan is never drawn, then it is overdue from the day after its period began, with no target, also in the CSV', async () => {
    const planned = await call('POST', '/v1/inspections', seeded.admin, {
      ...planBody(1_000_000, { planId: 'P-undrawn', title: '2026年第二季度双随机抽查', startsOn: '2026-04-05' }),
      endsOn: '2026-06-30',
    });
    expect(planned.status).toBe(201);
    // on its first day it is not late yet; the drawn plan's late target is listed alone
    expect((await overdue('2026-04-05')).body.items.map((i: { planId: string }) => i.planId)).toEqual([PLAN_ID]);
    const res = await overdue('2026-04-10');
    expect(res.body.items).toEqual([
      expect.objectContaining({ planId: PLAN_ID, stage: 'outcomes' }),
      {
        agency: INSPECTION_AGENCY,
        planId: 'P-undrawn',
        title: '2026年第二季度双随机抽查',
        startsOn: '2026-04-05',
        stage: 'draw',
        dueBy: '2026-04-05',
        daysOverdue: 5,
        drawn: 0,
        targets: [],
      },
    ]);
    const csv = await overdue('2026-04-10', '&format=csv');
    const lines = String(csv.body).split('\r\n');
    expect(lines[2]).toContain(
      `${INSPECTION_AGENCY},P-undrawn,2026年第二季度双随机抽查,2026-04-05,draw,2026-04-05,5,0,`,
    );
  });

  it('when someone other than a supervisor of the agency asks, then 403', async () => {
    expect((await call('GET', '/v1/audit/overdue-inspections', seeded.admin)).status).toBe(403);
    const other = t.token('mia', 'city-justice', ['supervisor']);
    expect((await call('GET', `/v1/audit/overdue-inspections?agency=${INSPECTION_AGENCY}`, other)).status).toBe(403);
  });
});
