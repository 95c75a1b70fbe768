import path from 'node:path';
import { loadValidators } from '../../src/http/validation.js';
import { verifyConsistency } from '../../src/ledger/merkle-proofs.js';
import { computeDraw } from '../../src/ledger/draw.js';
import { startTestService, type TestService } from '../support/service.js';
import { growLogTo, INSPECTION_AGENCY, PLAN_ID, planBody, seedPlan, SUBJECTS } from '../support/inspections.js';

let t: TestService;
let seeded: Awaited<ReturnType<typeof seedPlan>>;

beforeAll(async () => {
  t = await startTestService();
  seeded = await seedPlan(t);
}, 60_000);
afterAll(() => t.stop());

const validate = loadValidators(path.resolve(__dirname, '../../schemas'));
const response = (name: string, body: unknown) => validate(`urn:evidence-ledger:schema:response:${name}`, body);
const planPath = `/v1/inspections/${INSPECTION_AGENCY}/${PLAN_ID}`;
const b64 = (s: string) => Buffer.from(s, 'base64');

describe('double random, one public (双随机、一公开) over HTTP', () => {
  it('when a plan names a tree size the log has already reached, then 422 draw_size_not_future', async () => {
    const res = await t.call('POST', '/v1/inspections', {
      token: seeded.admin,
      body: planBody(seeded.treeSizeAtPlan, { planId: 'P-past' }),
    });
    expect([res.status, res.body.code]).toEqual([422, 'draw_size_not_future']);
    expect(seeded.drawAtSize).toBeGreaterThan(seeded.treeSizeAtPlan);
  });

  it('when a plan names no current entry of the random-inspection list, then 422 entry_unknown', async () => {
    const res = await t.call('POST', '/v1/inspections', {
      token: seeded.admin,
      body: planBody(seeded.treeSizeAtPlan + 10, { planId: 'P-nolist', entryId: 'E-99' }),
    });
    expect([res.status, res.body.code]).toEqual([422, 'entry_unknown']);
  });

  it('when the draw is asked before the log reaches the size, then 409 draw_too_early and nothing is recorded', async () => {
    const res = await t.call('POST', `/v1/inspections/${PLAN_ID}/draw`, { token: seeded.admin, body: {} });
    expect([res.status, res.body.code]).toEqual([409, 'draw_too_early']);
    expect((await t.call('GET', planPath)).body.status).toBe('planned');
  });

  it('when the log has passed the size, then a claimed draw that differs is refused, and the recomputed one is recorded and published', async () => {
    await growLogTo(t, seeded.admin, seeded.drawAtSize + 1);
    const wrong = await t.call('POST', `/v1/inspections/${PLAN_ID}/draw`, {
      token: seeded.admin,
      body: { seed: '0'.repeat(64) },
    });
    expect([wrong.status, wrong.body.code]).toEqual([409, 'draw_mismatch']);

    const drawn = await t.call('POST', `/v1/inspections/${PLAN_ID}/draw`, {
      token: seeded.admin,
      body: { seed: wrong.body.details?.seed ?? undefined },
    });
    expect(drawn.status).toBe(201);
    response('inspection-write', drawn.body);
    const plan = (await t.call('GET', `${planPath}?consistentWith=${drawn.body.position}`)).body;
    expect(plan).toMatchObject({ status: 'drawn', entryId: 'E-01', entryVersion: 1 });
    const draw = plan.draw;
    // the inputs are the food subjects and the four officers as they stood at the size; alice's conflict is one
    expect(draw.inputs).toEqual({
      subjects: SUBJECTS,
      officers: ['alice', 'bob', 'chen', 'dora'],
      conflicts: [['S-001', 'alice']],
    });
    expect(draw.size).toBe(seeded.drawAtSize);
    // the root is the log's at that size: a checkpoint and a consistency proof show it
    const checkpoint = (await t.call('GET', '/v1/ledger/checkpoint')).body;
    const proof = (await t.call('GET', `/v1/ledger/proof/consistency?from=${draw.size}&to=${checkpoint.size}`)).body;
    expect(
      verifyConsistency(draw.size, checkpoint.size, b64(draw.rootHash), b64(checkpoint.rootHash), proof.proof.map(b64)),
    ).toBe(true);
    const again = computeDraw(
      {
        agency: INSPECTION_AGENCY,
        planId: PLAN_ID,
        size: draw.size,
        rootHash: b64(draw.rootHash),
        sample: { count: 2 },
        inspectorsPerTarget: 2,
      },
      draw.inputs,
    );
    expect(draw.seed).toBe(again.seed);
    expect(draw.targets.map((x: { subjectId: string; inspectors: string[] }) => [x.subjectId, x.inspectors])).toEqual(
      again.targets.map((x) => [x.subjectId, x.inspectors]),
    );
    expect(drawn.body.targets).toEqual(again.targets);
    for (const target of draw.targets) {
      expect(target.inspectors).toHaveLength(2);
      if (target.subjectId === 'S-001') expect(target.inspectors).not.toContain('alice');
    }

    const twice = await t.call('POST', `/v1/inspections/${PLAN_ID}/draw`, { token: seeded.admin, body: {} });
    expect([twice.status, twice.body.code]).toEqual([409, 'draw_recorded']);
  });

  it('when a drawn inspector records an outcome, then it is published with the target; an officer not drawn is refused', async () => {
    const plan = (await t.call('GET', planPath)).body;
    const target = plan.draw.targets[0];
    const outsider = ['alice', 'bob', 'chen', 'dora'].find((o) => !target.inspectors.includes(o))!;
    const body = {
      subjectId: target.subjectId,
      outcome: 'problems_found',
      summary: '发现过期食品，已责令改正，联系电话13912345678',
      inspectedOn: '2026-03-10',
    };
    const refused = await t.call('POST', `/v1/inspections/${PLAN_ID}/outcomes`, {
      token: t.token(outsider, INSPECTION_AGENCY, ['officer']),
      body,
    });
    expect([refused.status, refused.body.code]).toEqual([403, 'inspector_required']);
    const recorded = await t.call('POST', `/v1/inspections/${PLAN_ID}/outcomes`, {
      token: t.token(target.inspectors[0], INSPECTION_AGENCY, ['officer']),
      body,
    });
    expect(recorded.status).toBe(201);
    const after = (await t.call('GET', `${planPath}?consistentWith=${recorded.body.position}`)).body;
    const shown = after.draw.targets.find((x: { subjectId: string }) => x.subjectId === target.subjectId);
    response('inspection-plan', after);
    response('inspection-write', recorded.body);
    expect(shown.outcome).toMatchObject({ outcome: 'problems_found', inspectedOn: '2026-03-10' });
    expect(JSON.stringify(after)).not.toContain('13912345678');
    const list = (await t.call('GET', `/v1/inspections?agency=${INSPECTION_AGENCY}`)).body;
    response('inspection-list', list);
    expect(list.items).toEqual([
      expect.objectContaining({ planId: PLAN_ID, status: 'drawn', targets: 2, outcomes: 1 }),
    ]);
  });

  it('when a drawn inspector has since declared a conflict with the target, is suspended, or names a case the agency does not have, then the outcome is refused and nothing is recorded; the head records it', async () => {
    const plan = (await t.call('GET', planPath)).body;
    const target = plan.draw.targets[1];
    const [first, second] = target.inspectors as string[];
    const outcome = (who: string, extra: object = {}) =>
      t.call('POST', `/v1/inspections/${PLAN_ID}/outcomes`, {
        token: t.token(who, INSPECTION_AGENCY, ['officer']),
        body: {
          subjectId: target.subjectId,
          outcome: 'no_problem',
          summary: '未发现问题',
          inspectedOn: '2026-03-10',
          ...extra,
        },
      });
    const declared = await t.call('POST', `/v1/subjects/${target.subjectId}/conflicts`, {
      token: t.token(first!, INSPECTION_AGENCY, ['officer']),
      body: { officerId: first, reason: '近亲属在该单位任职' },
    });
    expect(declared.status).toBe(201);
    const conflicted = await outcome(first!);
    expect([conflicted.status, conflicted.body.code]).toEqual([409, 'conflict_declared']);
    const noCase = await outcome(second!, { caseId: 'NO-SUCH-CASE' });
    expect([noCase.status, noCase.body.code]).toEqual([422, 'case_unknown']);
    const suspended = await t.call('POST', `/v1/officers/${second}/suspension`, {
      token: seeded.admin,
      body: { reason: '停职检查' },
    });
    expect(suspended.status).toBe(201);
    // the suspended inspector's token is refused once the read models hold the suspension (the plan's rules
    // refuse a suspended inspector's outcome too: inspector_required, in the plans' unit tests)
    await t.service.readModelsCaughtUp();
    const bySuspended = await outcome(second!);
    expect([bySuspended.status, bySuspended.body.code]).toEqual([401, 'unauthenticated']);
    expect(
      (await t.call('POST', `/v1/officers/${second}/reinstatement`, { token: seeded.admin, body: { reason: '复职' } }))
        .status,
    ).toBe(201);
    await t.service.readModelsCaughtUp();
    expect((await t.call('GET', planPath)).body.draw.targets[1].outcome).toBeUndefined();
    const byHead = await t.call('POST', `/v1/inspections/${PLAN_ID}/outcomes`, {
      token: seeded.admin,
      body: { subjectId: target.subjectId, outcome: 'no_problem', summary: '未发现问题', inspectedOn: '2026-03-10' },
    });
    expect(byHead.status).toBe(201);
  });

  it('when anyone lists the subjects, then the directory shows names and sectors but no conflicts', async () => {
    const res = await t.call('GET', `/v1/subjects?agency=${INSPECTION_AGENCY}&sector=food`);
    expect(res.status).toBe(200);
    response('subject-list', res.body);
    expect(res.body.items.map((s: { subjectId: string }) => s.subjectId)).toEqual(SUBJECTS);
    expect(JSON.stringify(res.body)).not.toContain('近亲属');
  });

  it('when an officer declares a conflict for another officer, or a plan is unknown, then 403 or 404', async () => {
    const res = await t.call('POST', '/v1/subjects/S-002/conflicts', {
      token: seeded.alice,
      body: { officerId: 'bob', reason: 'x' },
    });
    expect([res.status, res.body.code]).toEqual([403, 'forbidden']);
    expect((await t.call('GET', `/v1/inspections/${INSPECTION_AGENCY}/nope`)).status).toBe(404);
  });
});
