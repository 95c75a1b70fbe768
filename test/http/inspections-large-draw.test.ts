import { planStream } from '../../src/domain/inspections/plans.js';
import { verifyDraw } from '../../src/ledger/draw-verify.js';
import { growLogTo, INSPECTION_AGENCY, planBody, seedPlan } from '../support/inspections.js';
import { startTestService, type TestService } from '../support/service.js';

/*
 * A county's directory easily holds more subjects in a sector than one event's list may (1,000): the draw records
 * its inputs in parts before it, in the same append, and the plan's page, the API and the verifier see them whole.
 * Before, such a plan could never be drawn (422 draw_too_large).
 */

const MANY = 1_000; // food subjects beyond the five the seeded plan has: 1,005 candidates
let t: TestService;
let admin: string;

beforeAll(async () => {
  t = await startTestService();
  ({ admin } = await seedPlan(t));
  // registered 100 at a time, as a directory's import would send them: their appends share the store's commits
  const register = async (i: number) => {
    const body = {
      subjectId: `F-${String(i).padStart(5, '0')}`,
      agency: INSPECTION_AGENCY,
      name: `第${i}食品店`,
      kind: 'enterprise',
      sector: 'food',
    };
    const res = await t.call('POST', '/v1/subjects', { token: admin, body });
    if (res.status !== 201) throw new Error(`subject ${i}: ${res.status}`);
  };
  for (let first = 0; first < MANY; first += 100) {
    await Promise.all(Array.from({ length: Math.min(100, MANY - first) }, (_, k) => register(first + k)));
  }
}, 300_000);
afterAll(() => t.stop());

describe('a draw from more candidates than one event lists', () => {
  it('when it is drawn, then the inputs are recorded in parts before the draw, and the API and the verifier see them whole', async () => {
    const size = (await t.call('GET', '/v1/ledger/checkpoint')).body.size as number;
    const planned = await t.call('POST', '/v1/inspections', {
      token: admin,
      body: planBody(size + 2, { planId: 'P-LARGE', sample: { count: 20 } }),
    });
    expect(planned.status).toBe(201);
    await growLogTo(t, admin, size + 3);
    const drawn = await t.call('POST', '/v1/inspections/P-LARGE/draw', { token: admin, body: {} });
    expect(drawn.status).toBe(201);
    expect(drawn.body.targets).toHaveLength(20);
    expect(drawn.body.seed).toMatch(/^[0-9a-f]{64}$/);

    const stream = (await t.service.events.readStream(planStream(INSPECTION_AGENCY, 'P-LARGE'))).map((r) => r.event);
    expect(stream.map((e) => e.type)).toEqual([
      'InspectionPlanned',
      // the subjects in two parts, the officers in one, the conflicts in one
      'InspectionInputsPublished',
      'InspectionInputsPublished',
      'InspectionInputsPublished',
      'InspectionInputsPublished',
      'InspectionDrawn',
    ]);
    expect(stream.at(-1)!.data).toMatchObject({ inputParts: 4, inputs: { subjects: [], officers: [], conflicts: [] } });

    const plan = (
      await t.call('GET', `/v1/inspections/${INSPECTION_AGENCY}/P-LARGE?consistentWith=${drawn.body.position}`)
    ).body;
    expect(plan.draw.inputs.subjects).toHaveLength(MANY + 5);
    expect(plan.draw.inputs.officers).toEqual(['alice', 'bob', 'chen', 'dora']);
    expect(plan.draw.inputs.conflicts).toEqual([['S-001', 'alice']]);

    // the same check as `ledger draw verify`, on what the service publishes
    const keys = (await t.call('GET', '/v1/ledger/keys')).body;
    const checkpoint = (await t.call('GET', '/v1/ledger/checkpoint')).body;
    const proof = (await t.call('GET', `/v1/ledger/proof/consistency?from=${plan.draw.size}&to=${checkpoint.size}`))
      .body;
    const report = verifyDraw(plan, {
      origin: keys.origin,
      keys: keys.keys,
      note: checkpoint.note,
      consistency: proof.proof,
    });
    expect(report).toMatchObject({ valid: true, seed: drawn.body.seed });

    // sent again, it is the draw already recorded
    const twice = await t.call('POST', '/v1/inspections/P-LARGE/draw', { token: admin, body: {} });
    expect([twice.status, twice.body.code]).toEqual([409, 'draw_recorded']);
  });
});
