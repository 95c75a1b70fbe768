import { checkDisclosure } from '../../src/ledger/disclosure-statement.js';
import type { Clock } from '../../src/ports/clock.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';
import { SUPERVISION_TABLES, weakPointsRows } from '../../src/http/supervision-csv.js';
import { expectCsvOfAnswer, parseCsv } from '../support/csv.js';

const AGENCY = 'county-justice';
const START = Date.parse('2026-11-30T02:00:00Z');
const started = Date.now();
/** The service's clock: 2026-11-30T02:00:00Z (10:00 in China) when the test starts, ticking from there. */
const clock: Clock = { now: () => new Date(START + (Date.now() - started)) };

let t: TestService;
let admin: string;
let officer: string;
let supervisor: string;
let outsider: string;
let position = 0;

const BENCHMARK = {
  itemCode: 'P-001',
  agency: AGENCY,
  basis: '县司法局行政处罚裁量基准（2026）',
  circumstances: [
    { circumstance: 'minor', description: '首次违法且及时改正', minFen: 0, maxFen: 100_000 },
    { circumstance: 'serious', description: '多次违法', minFen: 300_000, maxFen: 800_000 },
  ],
};
const SCORES = {
  subjectLawful: { score: 10 },
  officersQualified: { score: 10 },
  procedureLawful: { score: 8, comment: '告知时间未记录' },
  factsClear: { score: 10 },
  evidenceSufficient: { score: 10 },
  lawAppliedCorrectly: { score: 10 },
  discretionAppropriate: { score: 6, comment: '超出裁量基准，理由不充分' },
  withinAuthority: { score: 10 },
  documentsComplete: { score: 10 },
};

async function call(method: string, route: string, token: string | undefined, body?: unknown) {
  const res = await t.call(method, route, { ...(token ? { token } : {}), ...(body === undefined ? {} : { body }) });
  if (typeof res.body?.position === 'number') position = Math.max(position, res.body.position);
  return res;
}
const read = (route: string, token?: string) =>
  call('GET', `${route}${route.includes('?') ? '&' : '?'}consistentWith=${position}`, token);
const act = (caseId: string, type: string, data: object, occurredAt = '2026-11-20T10:00:00+08:00') =>
  call('POST', `/v1/cases/${caseId}/acts`, officer, { type, occurredAt, data });
const fine = (fineFen: number, more: object = {}) => ({
  decisionType: 'fine',
  fineFen,
  legalBasis: '《律师法》第五十条',
  ...more,
});

async function openCase(caseId: string) {
  const res = await call('POST', '/v1/cases', officer, {
    caseId,
    itemCode: 'P-001',
    title: '某律所未公示执业信息案',
    openedOn: '2026-11-02',
    officers: ['alice', 'bob'],
    parties: [{ kind: 'organization', name: '某某律师事务所' }],
  });
  expect(res.status).toBe(201);
}

beforeAll(async () => {
  t = await startTestService({}, { clock });
  ({ admin, officer } = await seedAgency(t, AGENCY, { officers: ['alice', 'bob'] }));
  officer = t.token('alice', AGENCY, ['officer']);
  supervisor = t.token('sam', AGENCY, ['supervisor']);
  outsider = t.token('mia', 'city-market', ['supervisor']);
}, 60_000);

afterAll(() => t?.stop());

describe('discretion benchmarks (裁量基准) over HTTP', () => {
  it('when a benchmark body is malformed, then 400 and no benchmark is published', async () => {
    const bad = { ...BENCHMARK, circumstances: [{ circumstance: 'lenient', description: 'x', minFen: 0, maxFen: 1 }] };
    expect((await call('POST', '/v1/benchmarks', admin, bad)).status).toBe(400);
    expect((await call('POST', '/v1/benchmarks', admin, { ...BENCHMARK, circumstances: [] })).status).toBe(400);
    const reversed = { ...BENCHMARK, circumstances: [{ ...BENCHMARK.circumstances[0], minFen: 9, maxFen: 1 }] };
    const refused = await call('POST', '/v1/benchmarks', admin, reversed);
    expect([refused.status, refused.body.code]).toEqual([422, 'benchmark_invalid']);
    expect((await read('/v1/benchmarks')).body.items).toEqual([]);
    expect((await read(`/v1/benchmarks/${AGENCY}/P-001`)).status).toBe(404);
  });

  it('when an officer sets a benchmark, then 403; when the admin does, then it is published with every version', async () => {
    expect((await call('POST', '/v1/benchmarks', officer, BENCHMARK)).status).toBe(403);
    const first = await call('POST', '/v1/benchmarks', admin, BENCHMARK);
    expect([first.status, first.body.version]).toEqual([201, 1]);
    const repeated = await call('POST', '/v1/benchmarks', admin, { ...BENCHMARK, reason: '重复提交' });
    expect([repeated.status, repeated.body.code]).toEqual([409, 'version_unchanged']);
    const revised = { ...BENCHMARK, basis: `${BENCHMARK.basis}（修订）` };
    const unexplained = await call('POST', '/v1/benchmarks', admin, revised);
    expect([unexplained.status, unexplained.body.code]).toEqual([422, 'reason_required']);
    const second = await call('POST', '/v1/benchmarks', admin, { ...revised, reason: '上位法修订' });
    expect([second.status, second.body.version]).toEqual([201, 2]);
    const list = await read(`/v1/benchmarks?agency=${AGENCY}`);
    expect(list.body.items).toMatchObject([{ itemCode: 'P-001', version: 2, circumstances: BENCHMARK.circumstances }]);
    expect(list.body.items[0]).not.toHaveProperty('setBy');
    const history = await read(`/v1/benchmarks/${AGENCY}/P-001`);
    expect(history.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(history.body.versions[1].reason).toBe('上位法修订');
  });

  it('when a proposed fine names no circumstance or leaves its range without a reason, then 422 and nothing is recorded', async () => {
    await openCase('D-1');
    const before = (await read('/v1/cases/D-1', officer)).body.revision;
    const none = await act('D-1', 'LegalReviewRequested', { proposed: fine(500_000) });
    expect([none.status, none.body.code]).toEqual([422, 'circumstance_required']);
    const outside = await act('D-1', 'LegalReviewRequested', { proposed: fine(900_000, { circumstance: 'serious' }) });
    expect([outside.status, outside.body.code]).toEqual([422, 'benchmark_reason_required']);
    const badName = await act('D-1', 'LegalReviewRequested', { proposed: fine(1, { circumstance: 'mild' }) });
    expect(badName.status).toBe(400);
    expect((await read('/v1/cases/D-1', officer)).body.revision).toBe(before);
  });

  it('when a fine outside its range gives a reason, then it is recorded sealed, opened in the case file, and flagged in supervision without it', async () => {
    const reason = '当事人张三丰拒不改正，从重处罚';
    const res = await act('D-1', 'LegalReviewRequested', {
      proposed: fine(900_000, { circumstance: 'serious', deviationReason: reason }),
    });
    expect(res.status).toBe(201);
    // the signed event holds the reason sealed under the case's key; the events page opens it beside the event
    const events = (await read('/v1/cases/D-1/events', officer)).body.events;
    const requested = events.find((e: { id: string }) => e.id === res.body.eventId);
    expect(requested.data.proposed).toMatchObject({
      circumstance: 'serious',
      deviationReason: { sealed: 'aes-256-gcm/v1' },
    });
    expect(requested.personal).toEqual({ '/proposed/deviationReason': reason });
    // a party or a court can be given that one member: its opening, checked against the signed event
    const path = encodeURIComponent('/proposed/deviationReason');
    const opening = await read(`/v1/cases/D-1/openings?eventId=${requested.id}&path=${path}`, officer);
    expect([opening.status, opening.body.value]).toEqual([200, reason]);
    const { personal: _opened, ...signed } = requested;
    const statement = { event: signed, path: '/proposed/deviationReason', salt: opening.body.salt, value: reason };
    expect(checkDisclosure(statement)).toMatchObject({ valid: true, eventHash: requested.hash });
    const file = (await read('/v1/cases/D-1', officer)).body;
    expect(file.audit.discretionOutside).toBe(true);
    expect(file.discretion.proposal).toMatchObject({
      circumstance: 'serious',
      within: false,
      maxFen: 800_000,
      deviationReason: reason,
    });
    // supervision flags the case; the reason is read in its file, a recorded retrieval
    const view = await read('/v1/audit/discretion-deviations', supervisor);
    expect(view.status).toBe(200);
    expect(view.body.items).toMatchObject([{ caseId: 'D-1', proposal: { within: false, fineFen: 900_000 } }]);
    expect(view.body.items[0].proposal).not.toHaveProperty('deviationReason');
    expect((await read('/v1/audit/discretion-deviations', officer)).status).toBe(403);
    expect((await read('/v1/audit/discretion-deviations?agency=city-market', supervisor)).status).toBe(403);
    const csv = await t.call('GET', '/v1/audit/discretion-deviations?format=csv', { token: supervisor });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.body).not.toContain(reason);
    const [header, row] = parseCsv(csv.body as string);
    const cell = (column: string) => row![header!.indexOf(column)];
    expect([cell('caseId'), cell('proposal.within'), cell('proposal.fineFen')]).toEqual(['D-1', 'false', '900000']);
    // each showing of the view is a read of the case, on the supervisor's own trail
    await t.service.readModelsCaughtUp();
    const trail = (await read('/v1/audit/access?caseId=D-1&sub=sam', supervisor)).body.items;
    expect(trail.filter((e: { view?: string }) => e.view === 'discretion-deviations')).toHaveLength(2);
  });

  it('when past decisions name the circumstance, then the distribution counts them; a bad query is 400', async () => {
    for (const [caseId, amount] of [
      ['D-2', 400_000],
      ['D-3', 600_000],
      ['D-4', 500_000],
    ] as const) {
      await openCase(caseId);
      const decided = await act(caseId, 'DecisionIssued', {
        ...fine(amount, { circumstance: 'serious' }),
        documentNo: `县司罚〔2026〕${caseId}号`,
        decidedOn: '2026-11-20',
      });
      expect(decided.status).toBe(201);
    }
    const d = await read('/v1/fine-distribution?itemCode=P-001&circumstance=serious', officer);
    expect(d.body).toMatchObject({ count: 3, minFen: 400_000, medianFen: 500_000, maxFen: 600_000 });
    const empty = await read('/v1/fine-distribution?itemCode=P-001&circumstance=minor', officer);
    expect(empty.body).toMatchObject({ count: 0, bins: [] });
    expect((await read('/v1/fine-distribution?itemCode=P-001&circumstance=mild', officer)).status).toBe(400);
    expect((await read('/v1/fine-distribution?itemCode=P-001', officer)).status).toBe(400);
    expect((await read('/v1/fine-distribution?itemCode=P-001&circumstance=serious')).status).toBe(401);
  });
});

describe('case-file evaluation (案卷评查) over HTTP', () => {
  it('when the case is not closed, then 409 case_not_closed', async () => {
    const res = await call('POST', '/v1/cases/D-2/evaluations', supervisor, { scores: SCORES });
    expect([res.status, res.body.code]).toEqual([409, 'case_not_closed']);
  });

  it('when a closed case file is scored, then the evaluation is recorded; bad bodies are 400 and record nothing', async () => {
    expect(
      (await act('D-2', 'DecisionDisclosed', { publishedOn: '2026-11-23' }, '2026-11-23T10:00:00+08:00')).status,
    ).toBe(201);
    expect((await act('D-2', 'CaseClosed', { closedOn: '2026-11-24' }, '2026-11-24T10:00:00+08:00')).status).toBe(201);
    const missing = { scores: { ...SCORES, factsClear: undefined } };
    expect((await call('POST', '/v1/cases/D-2/evaluations', supervisor, missing)).status).toBe(400);
    const tooHigh = { scores: { ...SCORES, factsClear: { score: 11 } } };
    expect((await call('POST', '/v1/cases/D-2/evaluations', supervisor, tooHigh)).status).toBe(400);
    const unexplained = { scores: { ...SCORES, factsClear: { score: 5 } } };
    const refused = await call('POST', '/v1/cases/D-2/evaluations', supervisor, unexplained);
    expect([refused.status, refused.body.code]).toEqual([422, 'comment_required']);
    // refused by the route, as by a rule: forbidden, naming the roles that would do
    const asOfficer = await call('POST', '/v1/cases/D-2/evaluations', officer, { scores: SCORES });
    expect([asOfficer.status, asOfficer.body.code, asOfficer.body.roles]).toEqual([403, 'forbidden', ['supervisor']]);
    expect((await read('/v1/cases/D-2/evaluations', supervisor)).body.items).toEqual([]);

    const res = await call('POST', '/v1/cases/D-2/evaluations', supervisor, { scores: SCORES });
    expect([res.status, res.body.type, res.body.total]).toEqual([201, 'CaseFileEvaluated', 84]);
    const again = await call('POST', '/v1/cases/D-2/evaluations', supervisor, { scores: SCORES });
    expect([again.status, again.body.code]).toEqual([409, 'evaluation_exists']);
    // an amendment that changes no score and no comment records nothing
    const same = await call('POST', '/v1/cases/D-2/evaluations', supervisor, { scores: SCORES, reason: '复核' });
    expect([same.status, same.body.code]).toEqual([409, 'version_unchanged']);
    const amended = await call('POST', '/v1/cases/D-2/evaluations', supervisor, {
      scores: { ...SCORES, procedureLawful: { score: 10 } },
      reason: '补充材料后复核',
    });
    expect([amended.status, amended.body.type, amended.body.total]).toEqual([201, 'CaseFileEvaluationAmended', 86]);
    const list = await read('/v1/cases/D-2/evaluations', supervisor);
    expect(list.body.items).toMatchObject([{ evaluator: 'sam', total: 86, amendments: 1, reason: '补充材料后复核' }]);
    const elsewhere = await call('POST', '/v1/cases/D-2/evaluations', outsider, { scores: SCORES });
    expect(elsewhere.status).toBe(404);
  });

  it("when a case's evaluations are read, then the read is recorded on its trail like any read of the case; a case that does not exist, or another agency's, is 404 and recorded on the reader's own trail", async () => {
    const reasons = { 'x-purpose': encodeURIComponent('案卷评查复核') };
    const res = await t.call('GET', `/v1/cases/D-2/evaluations?consistentWith=${position}`, {
      token: supervisor,
      headers: reasons,
    });
    expect(res.status).toBe(200);
    // the access record is appended before the answer, but no position names it: wait for the read models
    await t.service.readModelsCaughtUp();
    const trail = (await read('/v1/audit/access?caseId=D-2', supervisor)).body.items;
    expect(trail).toContainEqual(
      expect.objectContaining({ sub: 'sam', action: 'read_evaluations', purpose: '案卷评查复核' }),
    );
    for (const [caseId, token] of [
      ['no-such-case', supervisor],
      ['D-2', outsider],
    ] as const) {
      const refused = await read(`/v1/cases/${caseId}/evaluations`, token);
      expect([refused.status, refused.body.code]).toEqual([404, 'not_found']);
    }
    await t.service.readModelsCaughtUp();
    const denied = (await read('/v1/audit/denied-access', outsider)).body.items;
    expect(denied).toContainEqual(expect.objectContaining({ caseId: 'D-2', action: 'read_evaluations' }));
  });

  it('when the year is summed up, then the weak points and the statistics count the evaluations by rule, item and officer', async () => {
    const weak = await read('/v1/audit/evaluation-weak-points?year=2026', supervisor);
    expect(weak.status).toBe(200);
    expect(weak.body.byRule.discretionAppropriate).toMatchObject({
      points: 6,
      maxPoints: 10,
      deductions: 1,
      percent: 60,
    });
    expect(weak.body.byItem).toMatchObject([{ itemCode: 'P-001', points: 86, maxPoints: 90 }]);
    const items = await read(`/v1/items?agency=${AGENCY}`, supervisor);
    const listed = items.body.items.find((i: { code: string }) => i.code === 'P-001');
    expect(weak.body.byItem[0].itemName).toBe(listed.name);
    expect(weak.body.byOfficer.map((o: { officerId: string }) => o.officerId)).toEqual(['alice', 'bob']);
    // as CSV: a row per rule (its name in `rule`), then per item and per officer, each list named
    const csv = await read('/v1/audit/evaluation-weak-points?year=2026&format=csv', supervisor);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const table = SUPERVISION_TABLES.evaluationWeakPoints;
    const { rows } = expectCsvOfAnswer(csv.body as string, weakPointsRows(weak.body), table);
    const discretion = rows.find((row) => row[0] === 'byRule' && row[1] === 'discretionAppropriate');
    const figures = ['evaluations', 'points', 'maxPoints', 'deductions', 'percent'];
    expect(figures.map((column) => discretion?.[1 + table.columns.indexOf(column)])).toEqual([
      '1',
      '6',
      '10',
      '1',
      '60',
    ]);
    // an item by its code and, last, by the name the item list gives it
    const item = rows.find((row) => row[0] === 'byItem');
    expect(item?.[1 + table.columns.indexOf('itemName')]).toBe(weak.body.byItem[0].itemName);
    const officerColumn = 1 + table.columns.indexOf('officerId');
    const agencyColumn = 1 + table.columns.indexOf('agency');
    expect(rows.filter((row) => row[0] === 'byOfficer').map((row) => [row[agencyColumn], row[officerColumn]])).toEqual([
      [AGENCY, 'alice'],
      [AGENCY, 'bob'],
    ]);
    // the years the statistics take, 1949 to 9998
    for (const year of ['26', '1948', '9999']) {
      const refused = await read(`/v1/audit/evaluation-weak-points?year=${year}`, supervisor);
      expect([refused.status, refused.body.code, refused.body.detail]).toEqual([
        400,
        'invalid_query',
        'year must be a year, YYYY, from 1949 to 9998',
      ]);
      expect((await read(`/v1/audit/statistics?year=${year}`, supervisor)).status).toBe(400);
    }
    expect((await read('/v1/audit/evaluation-weak-points?year=2026', officer)).status).toBe(403);
    const stats = await read('/v1/audit/statistics?year=2026', supervisor);
    expect(stats.body.caseFileEvaluations).toMatchObject({ evaluations: 1, cases: 1 });
    expect(stats.body.caseFileEvaluations.byRule.discretionAppropriate).toEqual({
      points: 6,
      maxPoints: 10,
      deductions: 1,
    });
    expect(stats.body.caseFileEvaluations.byItem).toEqual({
      'P-001': { evaluations: 1, points: 86, maxPoints: 90, averageScore: 86 },
    });
  });

  it('when the public yearly statistics are read, then they show the evaluations by item and the weak points by rule, also as CSV', async () => {
    const page = await fetch(`${t.url}/statistics/2026?agency=${AGENCY}&consistentWith=${position}`, {
      headers: { accept: 'text/html' },
    });
    const text = await page.text();
    expect(page.status).toBe(200);
    const start = text.indexOf('id="evaluations-heading"');
    const section = text.slice(start, text.indexOf('</section>', start));
    expect(section).toContain('2026 年结案的案卷共评查 1 次，涉及案卷 1 件。');
    expect(section).toMatch(/<td>P-001<\/td>\s*<td>1<\/td>\s*<td>86 \/ 90<\/td>/);
    // the weakest rule first: discretion (6 of 10, as amended); every other rule scored full
    const rules = [...section.matchAll(/<tr>\s*<td>([^<]+)<\/td>\s*<td>(\d+ \/ \d+)<\/td>\s*<td>(\d+%)<\/td>/g)];
    expect(rules.map((m) => [m[1], m[2], m[3]])[0]).toEqual(['适用裁量基准适当', '6 / 10', '60%']);
    expect(rules.slice(1).map((m) => m[3])).toEqual(Array(8).fill('100%'));
    const all = await (await fetch(`${t.url}/statistics/2026.csv`)).text();
    expect(all).toContain(`caseFileEvaluations.byItem.${AGENCY}/P-001.averageScore,86`);
    const one = await (await fetch(`${t.url}/statistics/2026.csv?agency=${AGENCY}`)).text();
    expect(one).toContain('caseFileEvaluations.byItem.P-001.evaluations,1');
    expect(one).toContain('caseFileEvaluations.byRule.discretionAppropriate.deductions,1');
  });

  it("when a supervising agency evaluates a case file of an agency it supervises, then the evaluation names the evaluator's agency; an agency it does not supervise is 404, and an id two of its agencies use is 409 until it names one", async () => {
    // the county's legal office supervises the bureau (司法局执法监督); its "sam" is not the bureau's sam
    const LEGAL = 'county-legal';
    const lin = t.token('lin', LEGAL, ['supervisor'], [AGENCY]);
    const legalSam = t.token('sam', LEGAL, ['supervisor'], [AGENCY]);
    const unsupervising = t.token('lin', LEGAL, ['supervisor']);
    const evaluate = (token: string, query = '') =>
      call('POST', `/v1/cases/D-2/evaluations${query}`, token, { scores: SCORES });
    for (const [token, query] of [
      [unsupervising, ''],
      [lin, '?agency=city-market'],
    ] as const) {
      const refused = await evaluate(token, query);
      expect([refused.status, refused.body.code]).toEqual([404, 'not_found']);
    }
    const res = await evaluate(lin);
    expect([res.status, res.body.type, res.body.agency, res.body.total]).toEqual([
      201,
      'CaseFileEvaluated',
      AGENCY,
      84,
    ]);
    const theirs = await evaluate(legalSam, `?agency=${AGENCY}`);
    expect([theirs.status, theirs.body.type]).toEqual([201, 'CaseFileEvaluated']);
    const again = await evaluate(lin);
    expect([again.status, again.body.code]).toEqual([409, 'evaluation_exists']);
    const events = (await read('/v1/cases/D-2/evaluations', lin)).body.items as {
      evaluator: string;
      evaluatorAgency?: string;
      total: number;
    }[];
    expect(events.map((e) => [e.evaluatorAgency ?? AGENCY, e.evaluator, e.total])).toEqual([
      [LEGAL, 'lin', 84],
      [AGENCY, 'sam', 86],
      [LEGAL, 'sam', 84],
    ]);

    // the legal office has a case D-2 of its own: the id is then ambiguous until the request names the agency
    const legal = await seedAgency(t, LEGAL, { officers: ['lu', 'lee'] });
    const opened = await call('POST', '/v1/cases', legal.officer, {
      caseId: 'D-2',
      itemCode: 'P-001',
      title: '某企业未按规定备案案',
      openedOn: '2026-11-02',
      officers: ['lu', 'lee'],
      parties: [{ kind: 'organization', name: '某某公司' }],
    });
    expect(opened.status).toBe(201);
    const ambiguous = await evaluate(lin);
    expect([ambiguous.status, ambiguous.body.code, ambiguous.body.agencies]).toEqual([
      409,
      'case_ambiguous',
      [LEGAL, AGENCY],
    ]);
    const own = await evaluate(lin, `?agency=${LEGAL}`);
    expect([own.status, own.body.code]).toEqual([409, 'case_not_closed']);
    const named = await evaluate(lin, `?agency=${AGENCY}`);
    expect([named.status, named.body.code]).toEqual([409, 'evaluation_exists']);
  });
});
