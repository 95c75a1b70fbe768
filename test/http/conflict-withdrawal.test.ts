import path from 'node:path';
import { loadValidators } from '../../src/http/validation.js';
import { startTestService, type TestService } from '../support/service.js';
import { growLogTo, INSPECTION_AGENCY, PLAN_ID, seedPlan } from '../support/inspections.js';

let t: TestService;
let seeded: Awaited<ReturnType<typeof seedPlan>>;

beforeAll(async () => {
  t = await startTestService();
  seeded = await seedPlan(t);
}, 120_000);
afterAll(() => t.stop());

const validate = loadValidators(path.resolve(__dirname, '../../schemas'));
const withdrawal = '/v1/subjects/S-001/conflicts/alice/withdrawal';

describe('withdrawing a conflict of interest (回避) over HTTP', () => {
  it('when the officer themself withdraws, or the body is malformed, then it is refused and nothing is recorded', async () => {
    const own = await t.call('POST', withdrawal, { token: seeded.alice, body: { reason: '亲属已离职' } });
    expect([own.status, own.body.code]).toEqual([403, 'forbidden']);
    const empty = await t.call('POST', withdrawal, { token: seeded.admin, body: { reason: '' } });
    expect([empty.status, empty.body.code]).toEqual([400, 'invalid_body']);
    const none = await t.call('POST', '/v1/subjects/S-002/conflicts/alice/withdrawal', {
      token: seeded.admin,
      body: { reason: '亲属已离职' },
    });
    expect([none.status, none.body.code]).toEqual([409, 'conflict_not_declared']);
  });

  it('when the head withdraws it before the draw size, then it is a signed event and the draw has no such conflict', async () => {
    const res = await t.call('POST', withdrawal, { token: seeded.admin, body: { reason: '亲属已离职' } });
    expect(res.status).toBe(201);
    validate('urn:evidence-ledger:schema:response:inspection-write', res.body);
    // registered, declared, withdrawn: the refusals above recorded nothing
    expect(res.body).toMatchObject({ subjectId: 'S-001', officerId: 'alice', revision: 2 });
    expect(res.headers.get('etag')).toBe('"2"');
    const again = await t.call('POST', withdrawal, { token: seeded.admin, body: { reason: '亲属已离职' } });
    expect([again.status, again.body.code]).toEqual([409, 'conflict_not_declared']);

    await growLogTo(t, seeded.admin, seeded.drawAtSize + 1);
    const drawn = await t.call('POST', `/v1/inspections/${PLAN_ID}/draw`, { token: seeded.admin, body: {} });
    expect(drawn.status).toBe(201);
    const plan = await t.call(
      'GET',
      `/v1/inspections/${INSPECTION_AGENCY}/${PLAN_ID}?consistentWith=${drawn.body.position}`,
    );
    expect(plan.body.draw.inputs.conflicts).toEqual([]);
  });
});
