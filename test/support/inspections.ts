import { seedAgency, type TestService } from './service.js';

export const INSPECTION_AGENCY = 'county-market';
export const PLAN_ID = 'P-2026-01';
export const INSPECTORS = ['alice', 'bob', 'chen', 'dora'];
export const SUBJECTS = ['S-001', 'S-002', 'S-003', 'S-004', 'S-005'];

/** A plan body: food subjects of the directory, two drawn, two inspectors each, starting 2026-03-01. */
export const planBody = (drawAtSize: number, changes: Record<string, unknown> = {}) => ({
  planId: PLAN_ID,
  agency: INSPECTION_AGENCY,
  entryId: 'E-01',
  title: '2026年第一季度食品经营双随机抽查',
  targets: { sectors: ['food'] },
  sample: { count: 2 },
  inspectorsPerTarget: 2,
  drawAtSize,
  startsOn: '2026-03-01',
  endsOn: '2026-03-31',
  ...changes,
});

async function ok(t: TestService, method: string, route: string, token: string, body: unknown) {
  const res = await t.call(method, route, { token, body });
  if (res.status !== 201) throw new Error(`${method} ${route}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown>;
}

/**
 * An agency with four officers, five food subjects and one of another sector, alice's declared conflict with S-001,
 * and a plan whose draw waits for three more leaves; returns the tokens and the plan's tree sizes.
 */
export async function seedPlan(t: TestService) {
  const { admin } = await seedAgency(t, INSPECTION_AGENCY, { officers: INSPECTORS });
  const alice = t.token('alice', INSPECTION_AGENCY, ['officer']);
  const entry = {
    subject: '陵川县市场监督管理局',
    basis: '《食品安全法》第一百一十条',
    targets: '食品经营者',
    content: '食品经营许可、进货查验、贮存条件',
    ratioBasisPoints: 500,
    method: '现场检查',
    frequency: '每季度一次',
  };
  const listed = await t.call('PUT', `/v1/agencies/${INSPECTION_AGENCY}/inspection-list/E-01`, {
    token: admin,
    body: entry,
  });
  if (listed.status !== 201)
    throw new Error(`publishing the list entry: ${listed.status} ${JSON.stringify(listed.body)}`);
  for (const [i, subjectId] of [...SUBJECTS, 'S-900'].entries()) {
    const sector = subjectId === 'S-900' ? 'drugs' : 'food';
    const body = { subjectId, agency: INSPECTION_AGENCY, name: `陵川县第${i + 1}食品店`, kind: 'enterprise', sector };
    await ok(t, 'POST', '/v1/subjects', admin, body);
  }
  await ok(t, 'POST', '/v1/subjects/S-001/conflicts', alice, { officerId: 'alice', reason: '近亲属在该企业任职' });
  const checkpoint = (await t.call('GET', '/v1/ledger/checkpoint')).body as { size: number };
  const drawAtSize = checkpoint.size + 3;
  const planned = await ok(t, 'POST', '/v1/inspections', admin, planBody(drawAtSize));
  return { admin, alice, drawAtSize, treeSizeAtPlan: planned.treeSizeAtPlan as number };
}

/** Appends leaves (subjects of another sector) until the log holds `size` of them. */
export async function growLogTo(t: TestService, admin: string, size: number): Promise<void> {
  for (let i = 0; ; i++) {
    const checkpoint = (await t.call('GET', '/v1/ledger/checkpoint')).body as { size: number };
    if (checkpoint.size >= size) return;
    const body = {
      subjectId: `X-${i}-${checkpoint.size}`,
      agency: INSPECTION_AGENCY,
      name: `其他${i}`,
      kind: 'other',
      sector: 'other',
    };
    await ok(t, 'POST', '/v1/subjects', admin, body);
  }
}

/** {@link seedPlan}, then the log grown past the plan's size and the draw recorded. */
export async function seedDrawnPlan(t: TestService) {
  const seeded = await seedPlan(t);
  await growLogTo(t, seeded.admin, seeded.drawAtSize + 1);
  const drawn = await ok(t, 'POST', `/v1/inspections/${PLAN_ID}/draw`, seeded.admin, {});
  // the published plan is a read model: the draw shows there once the projections have applied it
  if (!(await t.service.readModelsCaughtUp())) throw new Error('the read models did not catch up with the draw');
  return { ...seeded, drawn };
}
