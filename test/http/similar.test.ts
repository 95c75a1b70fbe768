import { accessStream, deniedAccessStream, readerTrail } from '../../src/app/access-log.js';
import path from 'node:path';
import { loadValidators } from '../../src/http/validation.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';

const AGENCY = 'county-justice';
const OTHER = 'city-justice';
const today = new Date().toISOString().slice(0, 10);
/** A time of the day (`HH:MM...`) on the UTC date as minutes and seconds after midnight in China: already past. */
const at = (time: string) => `${today}T00:${time.slice(0, 2)}:${time.slice(3, 5)}+08:00`;

let t: TestService;
let officer: string;
let otherOfficer: string;
let supervisor: string;
/** The position of the last write made in `beforeAll`. */
let position = 0;

/** Posts and expects 201; keeps the position of the write. */
async function post(token: string, route: string, body: unknown) {
  const res = await t.call('POST', route, { token, body });
  if (res.status !== 201) throw new Error(`POST ${route}: ${res.status} ${JSON.stringify(res.body)}`);
  position = res.body.position;
  return res.body;
}

interface CaseSpec {
  caseId: string;
  itemCode?: string;
  title: string;
  findings?: string;
  evidence?: string;
  /** The decision's document number; undecided without it. */
  documentNo?: string;
}

async function enforce(token: string, spec: CaseSpec) {
  await post(token, '/v1/cases', {
    caseId: spec.caseId,
    itemCode: spec.itemCode ?? 'P-001',
    title: spec.title,
    openedOn: today,
    officers: token === otherOfficer ? ['carl', 'dana'] : ['alice', 'bob'],
    parties: [{ kind: 'organization', name: `${spec.caseId}当事单位` }],
  });
  const acts = `/v1/cases/${spec.caseId}/acts`;
  if (spec.findings) {
    await post(token, acts, {
      type: 'OnSiteInspectionRecorded',
      occurredAt: at('09:00:00'),
      data: { location: '城关镇', findings: spec.findings, credentialsShown: true, partyNotified: true },
    });
  }
  if (spec.evidence) {
    await post(token, acts, {
      type: 'EvidenceCollected',
      occurredAt: at('09:30:00'),
      data: { description: spec.evidence },
    });
  }
  if (spec.documentNo) {
    await post(token, acts, {
      type: 'DecisionIssued',
      occurredAt: at('16:00:00'),
      data: {
        decisionType: 'warning',
        legalBasis: '《律师法》第五十条',
        documentNo: spec.documentNo,
        decidedOn: today,
      },
    });
  }
}

beforeAll(async () => {
  t = await startTestService();
  const seeded = await seedAgency(t, AGENCY);
  officer = seeded.officer;
  otherOfficer = (await seedAgency(t, OTHER, { officers: ['carl', 'dana'] })).officer;
  supervisor = t.token('sam', OTHER, ['supervisor'], [AGENCY]);
  await post(seeded.admin, '/v1/items', {
    code: 'A-002',
    agency: AGENCY,
    name: '擅自设置户外广告',
    category: 'penalty',
    legalBasis: '《城市市容和环境卫生管理条例》第十一条',
  });

  // two decided cases about the same matter as the new one, and one about another matter
  await enforce(officer, {
    caseId: 's-lawfirm-1',
    title: '某某律师事务所未按规定公示执业信息案',
    findings: '律师事务所未在执业场所公示律师执业证及收费标准',
    evidence: '律师事务所公示栏照片',
    documentNo: '县司罚〔2026〕1号',
  });
  await enforce(officer, {
    caseId: 's-lawfirm-2',
    title: '甲律师事务所未公示执业信息案',
    evidence: '律师事务所官网截图，未公示律师执业信息',
    documentNo: '县司罚〔2026〕2号',
  });
  await enforce(officer, {
    caseId: 's-billboard',
    itemCode: 'A-002',
    title: '某商店擅自设置户外广告牌案',
    evidence: '户外广告牌现场照片',
    documentNo: '县司罚〔2026〕3号',
  });
  // the same matter, but not decided; and decided, but in another agency
  await enforce(officer, { caseId: 's-undecided', title: '乙律师事务所未按规定公示执业信息案' });
  await enforce(otherOfficer, {
    caseId: 's-other-agency',
    title: '丁律师事务所未按规定公示执业信息案',
    evidence: '律师事务所公示栏照片',
    documentNo: '市司罚〔2026〕9号',
  });
  // other matters, open, so that the matter's terms are rare among the case files
  for (const [n, title] of [
    '违规占道经营案',
    '噪声扰民案',
    '无证经营餐饮案',
    '违法搭建棚屋案',
    '超范围经营案',
    '擅自张贴小广告案',
  ].entries()) {
    await enforce(officer, { caseId: `s-background-${n}`, itemCode: 'A-002', title });
  }
  // the new case: the officer handling it asks for similar cases
  await enforce(officer, {
    caseId: 's-new',
    title: '丙律师事务所未按规定公示执业信息案',
    findings: '该律师事务所未按规定公示律师执业信息',
  });
});
afterAll(() => t.stop());

describe('similar cases over HTTP', () => {
  it('when an officer asks for cases like a new one, then the two decided cases of the same matter come first', async () => {
    const res = await t.call('GET', `/v1/cases/s-new/similar?consistentWith=${position}`, { token: officer });
    expect(res.status).toBe(200);
    expect(res.body.caseId).toBe('s-new');
    const validate = loadValidators(path.resolve(__dirname, '../../schemas'));
    expect(() => validate('urn:evidence-ledger:schema:response:similar-cases', res.body)).not.toThrow();
    const ids = res.body.items.map((item: { caseId: string }) => item.caseId);
    expect(ids.slice(0, 2).sort()).toEqual(['s-lawfirm-1', 's-lawfirm-2']);
    expect(ids).not.toContain('s-new');
    expect(ids).not.toContain('s-undecided');
    expect(ids).not.toContain('s-other-agency');
    expect(ids.filter((id: string) => id.startsWith('s-background'))).toEqual([]);
    const scores = res.body.items.map((item: { score: number }) => item.score);
    expect(scores[0]).toBeGreaterThan(0);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    if (ids.includes('s-billboard')) expect(scores[ids.indexOf('s-billboard')]).toBeLessThan(scores[1]);
    const first = res.body.items.find((item: { caseId: string }) => item.caseId === 's-lawfirm-1');
    expect(first).toEqual({
      caseId: 's-lawfirm-1',
      agency: AGENCY,
      title: '某某律师事务所未按规定公示执业信息案',
      itemCode: 'P-001',
      itemName: '未按规定公示执业信息',
      status: 'decided',
      decision: {
        decisionType: 'warning',
        fineFen: 0,
        legalBasis: '《律师法》第五十条',
        decidedOn: today,
        documentNo: '县司罚〔2026〕1号',
      },
      score: expect.any(Number),
    });
  });

  it('when the officer reads the similar cases, then the read of the case is recorded in its access stream', async () => {
    await t.service.readModelsCaughtUp();
    const before = (await t.service.events.readStream(accessStream(AGENCY, 's-lawfirm-2'))).length;
    const res = await t.call('GET', '/v1/cases/s-lawfirm-2/similar', {
      token: officer,
      headers: { 'x-purpose': encodeURIComponent('类案参考') },
    });
    expect(res.status).toBe(200);
    expect(res.body.items.map((item: { caseId: string }) => item.caseId)).not.toContain('s-lawfirm-2');
    const access = await t.service.events.readStream(accessStream(AGENCY, 's-lawfirm-2'));
    expect(access).toHaveLength(before + 1);
    expect(access.at(-1)!.event).toMatchObject({
      type: 'CaseAccessed',
      actor: { sub: 'alice', agency: AGENCY },
      data: { caseId: 's-lawfirm-2', action: 'read_similar', outcome: 'granted', purpose: '类案参考' },
    });
  });

  it("when similar cases are returned, then the read of each is recorded on the reader's trail (list_similar)", async () => {
    await t.service.readModelsCaughtUp();
    const before = (await t.service.events.readStream(readerTrail(AGENCY, 'alice'))).length;
    const res = await t.call('GET', '/v1/cases/s-new/similar', {
      token: officer,
      headers: { 'x-purpose': encodeURIComponent('类案参考') },
    });
    expect(res.status).toBe(200);
    const shown = res.body.items.map((item: { agency: string; caseId: string }) => ({
      agency: item.agency,
      caseId: item.caseId,
    }));
    expect(shown.length).toBeGreaterThan(0);
    const trail = await t.service.events.readStream(readerTrail(AGENCY, 'alice'));
    expect(trail).toHaveLength(before + 1);
    expect(trail.at(-1)!.event).toMatchObject({
      type: 'CasesListed',
      actor: { sub: 'alice', agency: AGENCY },
      data: { action: 'list_similar', outcome: 'granted', purpose: '类案参考', cases: shown },
    });
  });

  it('when `limit` is given, then at most that many come back; out of 1–20 it is 400 invalid_query', async () => {
    await t.service.readModelsCaughtUp();
    const one = await t.call('GET', '/v1/cases/s-new/similar?limit=1', { token: officer });
    expect(one.status).toBe(200);
    expect(one.body.items).toHaveLength(1);
    expect(['s-lawfirm-1', 's-lawfirm-2']).toContain(one.body.items[0].caseId);
    for (const limit of ['0', '21', 'x', '1.5']) {
      const bad = await t.call('GET', `/v1/cases/s-new/similar?limit=${limit}`, { token: officer });
      expect([limit, bad.status, bad.body.code]).toEqual([limit, 400, 'invalid_query']);
    }
  });

  it('when an officer of another agency asks, then 404 as if the case did not exist, and the refusal is recorded on the reader’s own trail', async () => {
    await t.service.readModelsCaughtUp();
    const denied = await t.call('GET', '/v1/cases/s-new/similar', { token: otherOfficer });
    expect(denied.status).toBe(404);
    expect(denied.body).toMatchObject({ code: 'not_found' });
    expect(
      (await t.service.events.readStream(accessStream(AGENCY, 's-new'))).map((r) => r.event.actor.sub),
    ).not.toContain('carl');
    const trail = await t.service.events.readStream(deniedAccessStream(OTHER, 'carl'));
    expect(trail.at(-1)!.event).toMatchObject({
      type: 'CaseAccessDenied',
      actor: { sub: 'carl', agency: OTHER },
      data: { caseId: 's-new', action: 'read_similar', outcome: 'denied' },
    });
    const unknown = await t.call('GET', '/v1/cases/no-such-case/similar', { token: officer });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'not_found']);
    expect(await t.service.events.readStream(accessStream(AGENCY, 'no-such-case'))).toEqual([]);
    expect((await t.call('GET', '/v1/cases/s-new/similar')).status).toBe(401);
  });

  it('when a supervisor over the agency asks, then the cases of its own agency are among the similar ones too', async () => {
    await t.service.readModelsCaughtUp();
    const res = await t.call('GET', '/v1/cases/s-new/similar', { token: supervisor });
    expect(res.status).toBe(200);
    const ids = res.body.items.map((item: { caseId: string }) => item.caseId);
    expect(ids.slice(0, 3).sort()).toEqual(['s-lawfirm-1', 's-lawfirm-2', 's-other-agency']);
    expect(ids).not.toContain('s-undecided');
  });

  it('when an officer of the other agency asks about its own case, then only its own agency is searched', async () => {
    await t.service.readModelsCaughtUp();
    const res = await t.call('GET', '/v1/cases/s-other-agency/similar', { token: otherOfficer });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
  });
});
