import { accessStream } from '../../src/app/access-log.js';
import { caseStream } from '../../src/domain/case/acts.js';
import { itemStream } from '../../src/domain/registry/items.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';

/**
 * Ids are unique within an agency only: one agency's ids never block, reveal or reach another's. Agencies A and B
 * below both register officers alice and bob and item P-001, which only works when each has its own namespace.
 */
let t: TestService;
const A = 'county-justice';
const B = 'city-market';
let officerA: string;
let officerB: string;
let adminB: string;

const today = new Date().toISOString().slice(0, 10);
const openBody = (caseId: string, title = '某律所未公示执业信息案', officers = ['alice', 'bob']) => ({
  caseId,
  itemCode: 'P-001',
  title,
  openedOn: today,
  officers,
  parties: [{ kind: 'organization', name: '某律师事务所' }],
});
const evidence = (officers?: string[], date = today) => ({
  type: 'EvidenceCollected',
  occurredAt: `${date}T00:09:30+08:00`,
  ...(officers ? { officers } : {}),
  data: { description: '现场照片' },
});
const officerBody = (officerId: string, agency: string, validTo = '2030-12-31') => ({
  officerId,
  name: `执法人员${officerId}`,
  agency,
  certificateNo: `${agency}-${officerId}`,
  validFrom: '2018-01-01',
  validTo,
  roles: ['officer'],
});

beforeAll(async () => {
  t = await startTestService();
  ({ officer: officerA } = await seedAgency(t, A));
  ({ officer: officerB, admin: adminB } = await seedAgency(t, B));
});
afterAll(() => t.stop());

describe('agency namespaces', () => {
  it('when two agencies use ids that join to the same text, then each has its own item', async () => {
    // "county" + "justice-P-777" and "county-justice" + "P-777" were one stream, item-county-justice-P-777
    const county = t.token('head-county', 'county', ['admin']);
    const countyJustice = t.token(`head-${A}`, A, ['admin']);
    const item = (agency: string, code: string, name: string) => ({
      code,
      agency,
      name,
      category: 'penalty',
      legalBasis: '《行政处罚法》',
    });
    const first = await t.call('POST', '/v1/items', { token: county, body: item('county', 'justice-P-777', '甲') });
    const second = await t.call('POST', '/v1/items', { token: countyJustice, body: item(A, 'P-777', '乙') });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(itemStream('county', 'justice-P-777')).not.toBe(itemStream(A, 'P-777'));
    const listed = await t.call('GET', `/v1/items?agency=county&consistentWith=${second.body.position}`);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ code: 'justice-P-777', agency: 'county', name: '甲' }),
    ]);
    const theirs = await t.call('GET', `/v1/items?agency=${A}`);
    expect(theirs.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'P-777', agency: A, name: '乙' })]),
    );
  });

  it('when B opens a case with A’s case id, then B gets its own case and A’s is untouched', async () => {
    await t.call('POST', '/v1/cases', { token: officerA, body: openBody('N-1', 'A 的案件') });
    const before = await t.service.events.readStream(caseStream(A, 'N-1'));
    const opened = await t.call('POST', '/v1/cases', { token: officerB, body: openBody('N-1', 'B 的案件') });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ caseId: 'N-1', revision: 0 });
    expect(await t.service.events.readStream(caseStream(A, 'N-1'))).toEqual(before);
    const at = `consistentWith=${opened.body.position}`;
    const mine = await t.call('GET', `/v1/cases/N-1?${at}`, { token: officerB });
    const theirs = await t.call('GET', `/v1/cases/N-1?${at}`, { token: officerA });
    expect([mine.body.agency, mine.body.title]).toEqual([B, 'B 的案件']);
    expect([theirs.body.agency, theirs.body.title]).toEqual([A, 'A 的案件']);
  });

  it('when agency B posts an act to A’s case, then it gets the same 404 as for a missing case', async () => {
    await t.call('POST', '/v1/cases', { token: officerA, body: openBody('N-2') });
    // an act A's open case refuses (409 decision_missing to A): to B it must say nothing of A's case
    const disclose = { type: 'DecisionDisclosed', occurredAt: `${today}T00:10:00+08:00`, data: { publishedOn: today } };
    const toA = await t.call('POST', '/v1/cases/N-2/acts', { token: officerB, body: disclose });
    const toNothing = await t.call('POST', '/v1/cases/N-never/acts', { token: officerB, body: disclose });
    expect(toA.status).toBe(404);
    // the same answer but for the instance, the path the client asked for
    expect({ ...toA.body, instance: '' }).toEqual({ ...toNothing.body, instance: '' });
    const onA = await t.call('POST', '/v1/cases/N-2/acts', { token: officerA, body: disclose });
    expect([onA.status, onA.body.code]).toEqual([409, 'decision_missing']);
    expect(await t.service.events.readStream(caseStream(A, 'N-2'))).toHaveLength(1);
  });

  it('when B registers an officer id that A has, then B’s officer is registered in B’s namespace', async () => {
    const adminA = t.token(`head-${A}`, A, ['admin']);
    expect((await t.call('POST', '/v1/officers', { token: adminA, body: officerBody('carol', A) })).status).toBe(201);
    const again = await t.call('POST', '/v1/officers', { token: adminA, body: officerBody('carol', A) });
    expect([again.status, again.body.code]).toEqual([409, 'officer_exists']);
    const theirs = await t.call('POST', '/v1/officers', { token: adminB, body: officerBody('carol', B) });
    expect(theirs.status).toBe(201);
    for (const agency of [A, B]) {
      const listed = await t.call('GET', `/v1/officers?agency=${agency}&consistentWith=${theirs.body.position}`);
      const carols = listed.body.items.filter((o: { certificateNo: string }) => o.certificateNo.endsWith('-carol'));
      expect(carols).toEqual([expect.objectContaining({ agency, certificateNo: `${agency}-carol` })]);
    }
  });

  it('when an act names another agency’s officer, then 422 officer_unknown, as for an officer never registered; with one of its own, two_officers_required', async () => {
    const adminA = t.token(`head-${A}`, A, ['admin']);
    await t.call('POST', '/v1/officers', { token: adminA, body: officerBody('ann', A, '2019-12-31') });
    await t.call('POST', '/v1/cases', { token: officerB, body: openBody('N-3') });
    const act = (officers: string[]) =>
      t.call('POST', '/v1/cases/N-3/acts', { token: officerB, body: evidence(officers) });
    const named = await act(['alice', 'bob', 'ann']);
    const unknown = await act(['alice', 'bob', 'zed']);
    expect([named.status, named.body.code, named.body.officerId]).toEqual([422, 'officer_unknown', 'ann']);
    expect([unknown.status, unknown.body.code]).toEqual([422, 'officer_unknown']);
    // an on-site act with one officer of the agency: the other, of another agency, does not make two
    const alone = await act(['alice', 'ann']);
    expect([alone.status, alone.body.code, alone.body.notOfAgency]).toEqual([422, 'two_officers_required', ['ann']]);
    const opening = await t.call('POST', '/v1/cases', {
      token: officerB,
      body: openBody('N-4', 'x', ['alice', 'ann']),
    });
    expect([opening.status, opening.body.code]).toEqual([422, 'two_officers_required']);
    const openingOfThree = await t.call('POST', '/v1/cases', {
      token: officerB,
      body: openBody('N-4', 'x', ['alice', 'bob', 'ann']),
    });
    expect([openingOfThree.status, openingOfThree.body.code]).toEqual([422, 'officer_unknown']);
    expect(await t.service.events.readStream(caseStream(B, 'N-3'))).toHaveLength(1);
  });

  it('when B’s act names B’s own officer of an id A also uses, then A’s certificate view does not list it', async () => {
    // both agencies have an alice; A's alice is cut short, B's is valid: B's acts are B's alice's, never A's
    const adminA = t.token(`head-${A}`, A, ['admin']);
    await t.call('POST', '/v1/officers', { token: adminA, body: officerBody('dora', A, '2019-12-31') });
    await t.call('POST', '/v1/officers', { token: adminB, body: officerBody('dora', B) });
    await t.call('POST', '/v1/cases', { token: officerB, body: openBody('N-5') });
    const act = await t.call('POST', '/v1/cases/N-5/acts', { token: officerB, body: evidence(['alice', 'dora']) });
    expect(act.status).toBe(201);
    const supervisorA = t.token('sam', A, ['supervisor']);
    const view = await t.call('GET', `/v1/audit/certificates?consistentWith=${act.body.position}`, {
      token: supervisorA,
    });
    expect(view.status).toBe(200);
    const listed = view.body.actsOutsideValidity.flatMap((o: { acts: { caseId: string }[] }) => o.acts);
    expect(listed.map((a: { caseId: string }) => a.caseId)).not.toContain('N-5');
  });

  it('when B reads A’s case, then A’s access stream does not grow and B’s denied-access view lists it', async () => {
    const opened = await t.call('POST', '/v1/cases', { token: officerA, body: openBody('N-6') });
    const before = (await t.service.events.readStream(accessStream(A, 'N-6'))).length;
    const reader = t.token('rob', B, ['officer']);
    for (const path of ['/v1/cases/N-6', '/v1/cases/N-6/events', '/v1/cases/N-6/bundle']) {
      const res = await t.call('GET', `${path}?consistentWith=${opened.body.position}`, { token: reader });
      expect([path, res.status]).toEqual([path, 404]);
    }
    expect(await t.service.events.readStream(accessStream(A, 'N-6'))).toHaveLength(before);
    // each refusal is recorded before its 404 is sent, so the log's head now follows all three
    const head = await t.service.events.headPosition();
    const supervisorB = t.token('sue', B, ['supervisor']);
    const view = await t.call('GET', `/v1/audit/denied-access?sub=rob&consistentWith=${head}`, {
      token: supervisorB,
    });
    expect(view.status).toBe(200);
    expect(view.body.items.map((i: { caseId: string; action: string }) => [i.caseId, i.action]).sort()).toEqual(
      [
        ['N-6', 'read_bundle'],
        ['N-6', 'read_case'],
        ['N-6', 'read_events'],
      ].sort(),
    );
    expect(view.body.items[0]).toMatchObject({ sub: 'rob', agency: B });
    const supervisorA = t.token('sam', A, ['supervisor']);
    const theirs = await t.call('GET', '/v1/audit/denied-access?sub=rob', { token: supervisorA });
    expect(theirs.body.items).toEqual([]);
  });

  it('when a supervisor of both agencies reads an id both use, then 409 case_ambiguous until ?agency= names one', async () => {
    await t.call('POST', '/v1/cases', { token: officerA, body: openBody('N-7', 'A 的') });
    const opened = await t.call('POST', '/v1/cases', { token: officerB, body: openBody('N-7', 'B 的') });
    const both = t.token('zoe', 'province-justice', ['supervisor'], [A, B]);
    const at = `consistentWith=${opened.body.position}`;
    const ambiguous = await t.call('GET', `/v1/cases/N-7?${at}`, { token: both });
    expect([ambiguous.status, ambiguous.body.code]).toEqual([409, 'case_ambiguous']);
    expect([...ambiguous.body.agencies].sort()).toEqual([A, B].sort());
    const named = await t.call('GET', `/v1/cases/N-7?agency=${B}&${at}`, { token: both });
    expect([named.status, named.body.agency, named.body.title]).toEqual([200, B, 'B 的']);
    const events = await t.call('GET', `/v1/cases/N-7/events?agency=${A}`, { token: both });
    expect([events.status, events.body.agency]).toEqual([200, A]);
    // an agency the reader may not read is as if it had no such case
    const outside = await t.call('GET', `/v1/cases/N-7?agency=${A}&${at}`, { token: officerB });
    expect([outside.status, outside.body.code]).toEqual([404, 'not_found']);
    // only one of its agencies has the id: no need to name it
    const single = await t.call('GET', `/v1/cases/N-6?${at}`, { token: both });
    expect([single.status, single.body.agency]).toEqual([200, A]);
  });
});
