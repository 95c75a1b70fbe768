import fs from 'node:fs';
import path from 'node:path';
import { CALENDAR_STREAM } from '../../src/domain/calendar/recorded-years.js';
import type { Clock } from '../../src/ports/clock.js';
import { runCli } from '../support/cli.js';
import { freshTempDir } from '../support/temp-dir.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';

/** The agency that keeps the service's working-day calendar (CALENDAR_AGENCY). */
const AGENCY = 'county-justice';
/** Another agency of the same deployment. */
const OTHER = 'county-market';
/** 29 December 2026, 10:00 in China: next year's schedule has been due since 1 December. */
const START = Date.parse('2026-12-29T02:00:00Z');
const started = Date.now();
const clock: Clock = { now: () => new Date(START + (Date.now() - started)) };

/** A schedule for 2027 as a notice would give it (the days are this test's, not the State Council's). */
const SCHEDULE_2027 = {
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试用）',
  url: 'https://www.gov.cn/zhengce/example-2027.htm',
  holidays: [
    // a day in lieu on Monday 4 January: what only the notice can say (1 January is known without it)
    { name: '元旦', days: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04'] },
    { name: '春节', days: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10'] },
  ],
  workdays: ['2027-02-13'],
};

let t: TestService;
let admin: string;
let officer: string;
let cases = 0;

/** Opens a case and records a warning decided on Monday 2026-12-28; returns its case file's decision. */
async function decidedOnMonday(): Promise<{ disclosureDueBy: string; calendarBasis: string }> {
  const caseId = `CJ-2026-${String(++cases).padStart(4, '0')}`;
  const opened = await t.call('POST', '/v1/cases', {
    token: officer,
    body: {
      caseId,
      itemCode: 'P-001',
      title: '某律所未公示执业信息案',
      openedOn: '2026-12-21',
      officers: ['alice', 'bob'],
      parties: [{ kind: 'person', name: '张三丰', idNumber: '140521199001011234' }],
    },
  });
  expect(opened.status).toBe(201);
  const decided = await t.call('POST', `/v1/cases/${caseId}/acts`, {
    token: officer,
    body: {
      type: 'DecisionIssued',
      occurredAt: '2026-12-28T10:00:00+08:00',
      data: {
        decisionType: 'warning',
        legalBasis: '《律师法》第五十条',
        documentNo: `告〔2026〕${cases}号`,
        decidedOn: '2026-12-28',
      },
    },
  });
  expect(decided.status).toBe(201);
  const events = await t.call('GET', `/v1/cases/${caseId}/events`, { token: officer });
  const decision = (events.body.events as { type: string; data: Record<string, string> }[]).find(
    (e) => e.type === 'DecisionIssued',
  )!;
  return { disclosureDueBy: decision.data.disclosureDueBy!, calendarBasis: decision.data.calendarBasis! };
}

/** Opens case REVIEW_CASE and asks for its legal review on Monday 2026-12-28; returns the request's recorded data. */
async function reviewRequestedOnMonday(): Promise<Record<string, unknown>> {
  const opened = await t.call('POST', '/v1/cases', {
    token: officer,
    body: {
      caseId: REVIEW_CASE,
      itemCode: 'P-001',
      title: '某律所未公示执业信息案',
      openedOn: '2026-12-21',
      officers: ['alice', 'bob'],
      parties: [{ kind: 'organization', name: '某某律师事务所' }],
    },
  });
  expect(opened.status).toBe(201);
  const requested = await t.call('POST', `/v1/cases/${REVIEW_CASE}/acts`, {
    token: officer,
    body: {
      type: 'LegalReviewRequested',
      occurredAt: '2026-12-28T10:00:00+08:00',
      data: { proposed: { decisionType: 'fine', fineFen: 200_000, legalBasis: '《律师法》第五十条' } },
    },
  });
  expect(requested.status).toBe(201);
  const events = await t.call('GET', `/v1/cases/${REVIEW_CASE}/events`, { token: officer });
  return (events.body.events as { type: string; data: Record<string, unknown> }[]).find(
    (e) => e.type === 'LegalReviewRequested',
  )!.data;
}
const REVIEW_CASE = 'CJ-2026-R1';

/** How many years were ever recorded on the service: the working-day-calendar stream's length. */
const recordedYears = async (service: TestService) => (await service.service.events.readStream(CALENDAR_STREAM)).length;

beforeAll(async () => {
  t = await startTestService({ CALENDAR_AGENCY: AGENCY }, { clock });
  ({ admin, officer } = await seedAgency(t, AGENCY));
});
afterAll(() => t.stop());

describe('the working-day calendar', () => {
  it("when next year's schedule is missing in December, then supervisors are warned and deadlines count weekdays", async () => {
    const supervisor = t.token('sam', AGENCY, ['supervisor']);
    const warnings = await t.call('GET', '/v1/audit/warnings', { token: supervisor });
    expect(warnings.status).toBe(200);
    expect(warnings.body.items).toEqual([
      expect.objectContaining({
        code: 'calendar_year_missing',
        year: 2027,
        since: '2026-12-01',
        message: expect.stringContaining(`recorded by an admin of ${AGENCY}`),
      }),
    ]);
    // seven working days from Monday 28 December on weekdays, less Friday 1 January (a statutory holiday of fixed
    // date, known without the notice): Thursday 7 January
    expect(await decidedOnMonday()).toEqual({ disclosureDueBy: '2027-01-07', calendarBasis: 'weekdays_only' });
    // a legal review's five working days likewise: to Tuesday 5 January, said to be counted on weekdays only
    expect(await reviewRequestedOnMonday()).toMatchObject({
      reviewWorkingDays: 5,
      reviewDueBy: '2027-01-05',
      reviewCalendarBasis: 'weekdays_only',
    });
    expect((await t.call('GET', '/v1/calendar/2027')).status).toBe(404);
  });

  it("when a holiday's name holds a control character or nothing visible, then 400 invalid_body at it, and nothing is recorded", async () => {
    const before = await recordedYears(t);
    for (const name of ['元旦\u0000', '\u200B']) {
      const holidays = [{ ...SCHEDULE_2027.holidays[0]!, name }, ...SCHEDULE_2027.holidays.slice(1)];
      const res = await t.call('PUT', '/v1/calendar/2027', { token: admin, body: { ...SCHEDULE_2027, holidays } });
      expect([res.status, res.body.code, res.body.pointer]).toEqual([400, 'invalid_body', '/holidays/0/name']);
    }
    expect(await recordedYears(t)).toBe(before);
  });

  it('when an admin of another agency records a year, then 403 calendar_not_yours naming the keeper, and nothing is recorded', async () => {
    const before = await recordedYears(t);
    const res = await t.call('PUT', '/v1/calendar/2027', {
      token: t.token('max', OTHER, ['admin']),
      body: SCHEDULE_2027,
    });
    expect([res.status, res.body.code, res.body.keeper]).toEqual([403, 'calendar_not_yours', AGENCY]);
    expect(res.body.detail).toMatch(`kept by agency ${AGENCY}`);
    expect(await recordedYears(t)).toBe(before);
    expect((await t.call('GET', '/v1/calendar/2027')).status).toBe(404);
  });

  it('when an admin of the agency that keeps the calendar records the year, then deadlines use it at once, it is a signed event and the warning goes', async () => {
    const recorded = await t.call('PUT', '/v1/calendar/2027', { token: admin, body: SCHEDULE_2027 });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ year: 2027, revision: 0, eventId: expect.any(String) });

    // 4 January is now a holiday too: the seventh working day is Friday 8 January
    expect(await decidedOnMonday()).toEqual({ disclosureDueBy: '2027-01-08', calendarBasis: 'official_schedule' });

    const year = await t.call('GET', '/v1/calendar/2027');
    expect(year.status).toBe(200);
    expect(year.body).toMatchObject({
      year: 2027,
      basis: 'recorded',
      ...SCHEDULE_2027,
      recorded: { eventId: recorded.body.eventId, agency: AGENCY },
    });
    const all = await t.call('GET', '/v1/calendar');
    expect(all.body.years).toContainEqual({ year: 2027, basis: 'recorded' });
    expect(all.body.years).toContainEqual({ year: 2026, basis: 'shipped' });
    const supervisor = t.token('sam', AGENCY, ['supervisor']);
    expect((await t.call('GET', '/v1/audit/warnings', { token: supervisor })).body.items).toEqual([]);
  });

  it('when the year is recorded after a decision counted its last day on weekdays only, then the reads count it again on the schedule', async () => {
    // the first case's decision recorded 2027-01-07, counting 4 January as a working day; its signed event keeps it
    const caseId = 'CJ-2026-0001';
    await t.service.readModelsCaughtUp(); // the case file and the supervision view are read models
    const events = await t.call('GET', `/v1/cases/${caseId}/events`, { token: officer });
    const issued = events.body.events.find((e: { type: string }) => e.type === 'DecisionIssued');
    expect(issued.data).toMatchObject({ disclosureDueBy: '2027-01-07', calendarBasis: 'weekdays_only' });
    const file = await t.call('GET', `/v1/cases/${caseId}`, { token: officer });
    expect(file.body.decision.disclosureDueBy).toBe('2027-01-08');
    expect(file.body.decision).not.toHaveProperty('calendarBasis');
    expect(file.body.disclosureDeadline).toMatchObject({ dueBy: '2027-01-08', status: 'pending' });
    const supervisor = t.token('sam', AGENCY, ['supervisor']);
    const overdue = async (asOf: string) =>
      (await t.call('GET', `/v1/audit/overdue-disclosures?asOf=${asOf}`, { token: supervisor })).body.items.filter(
        (i: { caseId: string }) => i.caseId === caseId,
      );
    // on 8 January it is not overdue: its last day is that day, no longer the 7th
    expect(await overdue('2027-01-08')).toEqual([]);
    expect(await overdue('2027-01-09')).toEqual([
      expect.objectContaining({ dueBy: '2027-01-08', status: 'overdue', daysOverdue: 1 }),
    ]);
  });

  it('when the year is recorded after a review request counted its time limit on weekdays only, then the reads count it again', async () => {
    await t.service.readModelsCaughtUp();
    const file = await t.call('GET', `/v1/cases/${REVIEW_CASE}`, { token: officer });
    // 1 to 4 January are holidays now: the fifth working day from Monday 28 December is Wednesday 6 January
    expect(file.body.reviewDeadline).toMatchObject({ requestedOn: '2026-12-28', workingDays: 5, dueBy: '2027-01-06' });
    const supervisor = t.token('sam', AGENCY, ['supervisor']);
    const overdue = async (asOf: string) =>
      (await t.call('GET', `/v1/audit/overdue-reviews?asOf=${asOf}`, { token: supervisor })).body.items.filter(
        (i: { caseId: string }) => i.caseId === REVIEW_CASE,
      );
    expect(await overdue('2027-01-06')).toEqual([]);
    expect(await overdue('2027-01-07')).toEqual([
      expect.objectContaining({ dueBy: '2027-01-06', status: 'overdue', daysOverdue: 1 }),
    ]);
  });

  it('when a shipped year is read, then it names the notice it was transcribed from', async () => {
    const year = await t.call('GET', '/v1/calendar/2026');
    expect(year.status).toBe(200);
    expect(year.body).toMatchObject({ year: 2026, basis: 'shipped', url: expect.stringMatching(/^https:\/\//) });
    expect(year.body.source).toMatch(/2026年部分节假日安排/);
    expect(year.body.holidays).toContainEqual(expect.objectContaining({ name: '元旦' }));
  });

  it('when a recording is retried under its Idempotency-Key, then it is recorded once', async () => {
    const headers = { 'idempotency-key': 'calendar-2028-first' };
    const body = {
      ...SCHEDULE_2027,
      source: '2028 notice',
      holidays: [{ name: '元旦', days: ['2028-01-01'] }],
      workdays: [],
    };
    const first = await t.call('PUT', '/v1/calendar/2028', { token: admin, body, headers });
    const again = await t.call('PUT', '/v1/calendar/2028', { token: admin, body, headers });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.eventId).toBe(first.body.eventId);
    // the same schedule sent again as a new request: nothing to record, no second signed copy
    const count = (await t.service.events.readAll({ after: 0, limit: 100_000 })).length;
    const repeated = await t.call('PUT', '/v1/calendar/2028', { token: admin, body });
    expect([repeated.status, repeated.body.code]).toEqual([409, 'version_unchanged']);
    expect((await t.service.events.readAll({ after: 0, limit: 100_000 })).length).toBe(count);
  });

  it.each([
    ['an officer', () => t.token('alice', AGENCY, ['officer']), SCHEDULE_2027, 403, 'forbidden'],
    ['no notice named', () => admin, { ...SCHEDULE_2027, source: undefined }, 400, 'invalid_body'],
    [
      'a make-up working day on a weekday',
      () => admin,
      { ...SCHEDULE_2027, workdays: ['2027-02-12'] },
      422,
      'calendar_invalid',
    ],
    ['a day of another year', () => admin, { ...SCHEDULE_2027, workdays: ['2028-01-08'] }, 422, 'calendar_invalid'],
    ['a day both off and worked', () => admin, { ...SCHEDULE_2027, workdays: ['2027-01-02'] }, 422, 'calendar_invalid'],
  ])(
    'when the recording has %s, then it is refused and nothing is recorded',
    async (_what, token, body, status, code) => {
      const before = await t.call('GET', '/v1/calendar/2029');
      const res = await t.call('PUT', '/v1/calendar/2029', { token: token(), body });
      expect([res.status, res.body.code]).toEqual([status, code]);
      expect(before.status).toBe(404);
      expect((await t.call('GET', '/v1/calendar/2029')).status).toBe(404);
    },
  );

  it('when the year in the path is not four digits, then 404: it names no year', async () => {
    const res = await t.call('PUT', '/v1/calendar/27', { token: admin, body: SCHEDULE_2027 });
    expect([res.status, res.body.code]).toEqual([404, 'not_found']);
  });

  describe('ledger calendar import', () => {
    const dir = freshTempDir('calendar-cli');

    it('when a file in the shipped layout is imported, then each of its years is recorded', async () => {
      const file = path.join(dir(), 'holidays.json');
      const { source, url, ...days } = SCHEDULE_2027;
      const year = (y: number) => ({
        notices: [source.replace('2027', String(y)), url],
        holidays: days.holidays.map((h) => ({ ...h, days: h.days.map((d) => d.replace('2027', String(y))) })),
        workdays: [],
      });
      fs.writeFileSync(file, JSON.stringify({ years: { 2030: year(2030), 2031: year(2031) } }));

      const done = await runCli(['calendar', 'import', file, '--url', t.url], { LEDGER_TOKEN: admin });
      expect([done.code, done.stderr]).toEqual([0, '']);
      expect(done.stdout).toMatch(/^2030 recorded: event \S+ at position \d+\n2031 recorded: /);
      const recorded = await t.call('GET', '/v1/calendar/2031');
      expect(recorded.body).toMatchObject({ basis: 'recorded', source: source.replace('2027', '2031'), url });
      // run again (as after a failure part-way): the years recorded as the file says are passed over, exit 0
      const rerun = await runCli(['calendar', 'import', file, '--url', t.url], { LEDGER_TOKEN: admin });
      expect([rerun.code, rerun.stderr]).toEqual([0, '']);
      expect(rerun.stdout).toBe(
        '2030 unchanged: the schedule recorded for it already says this\n' +
          '2031 unchanged: the schedule recorded for it already says this\n',
      );
    });

    it('when the service refuses a year, then the import stops there, says why and exits 1', async () => {
      const file = path.join(dir(), 'one-year.json');
      fs.writeFileSync(file, JSON.stringify({ year: 2032, ...SCHEDULE_2027 })); // 2027's days are not 2032's
      const done = await runCli(['calendar', 'import', file, '--url', t.url], { LEDGER_TOKEN: admin });
      expect(done.code).toBe(1);
      expect(done.stderr).toMatch(/^ledger calendar import: 2032: the service refused: 422 calendar_invalid: /);
      expect((await t.call('GET', '/v1/calendar/2032')).status).toBe(404);
    });

    it('when the token is of an agency that does not keep the calendar, then one line says so and exit 1', async () => {
      const file = path.join(dir(), 'not-ours.json');
      fs.writeFileSync(file, JSON.stringify({ year: 2033, ...SCHEDULE_2027, holidays: [], workdays: [] }));
      const before = await recordedYears(t);
      const token = t.token('max', OTHER, ['admin']);
      const done = await runCli(['calendar', 'import', file, '--url', t.url], { LEDGER_TOKEN: token });
      expect([done.code, done.stdout]).toEqual([1, '']);
      expect(done.stderr).toMatch(
        new RegExp(
          `^ledger calendar import: 2033: the service refused: 403 calendar_not_yours: .*kept by agency ${AGENCY}.*\\n$`,
        ),
      );
      expect(await recordedYears(t)).toBe(before);
    });

    it('when the command line is wrong, then exit 2 with a usage message', async () => {
      const noFile = await runCli(['calendar', 'import'], { LEDGER_TOKEN: admin });
      expect([noFile.code, noFile.stderr]).toEqual([2, expect.stringContaining('FILE is required')]);
      const noToken = await runCli(['calendar', 'import', 'x.json', '--url', t.url]);
      expect([noToken.code, noToken.stderr]).toEqual([2, expect.stringContaining('an admin token is required')]);
      const help = await runCli(['calendar', '--help']);
      expect([help.code, help.stdout]).toEqual([0, expect.stringContaining('Usage: ledger calendar import FILE')]);
    });
  });
});

describe('the working-day calendar of a service that names no agency to keep it', () => {
  let u: TestService;
  beforeAll(async () => {
    u = await startTestService({}, { clock });
  });
  afterAll(() => u.stop());

  it('when an admin records a year, then 403 calendar_not_yours telling to set CALENDAR_AGENCY, and nothing is recorded', async () => {
    const res = await u.call('PUT', '/v1/calendar/2027', {
      token: u.token('head', AGENCY, ['admin']),
      body: SCHEDULE_2027,
    });
    expect([res.status, res.body.code]).toEqual([403, 'calendar_not_yours']);
    expect(res.body.detail).toMatch(/set CALENDAR_AGENCY/);
    expect(res.body).not.toHaveProperty('keeper');
    expect(await recordedYears(u)).toBe(0);
  });

  it('when the calendar is read, then the shipped schedule is in force and the warning says to set CALENDAR_AGENCY', async () => {
    const year = await u.call('GET', '/v1/calendar/2026');
    expect([year.status, year.body.basis]).toEqual([200, 'shipped']);
    const supervisor = u.token('sam', AGENCY, ['supervisor']);
    const [warning] = (await u.call('GET', '/v1/audit/warnings', { token: supervisor })).body.items;
    expect(warning).toMatchObject({ code: 'calendar_year_missing', year: 2027 });
    expect(warning.message).toMatch(/CALENDAR_AGENCY/);
  });
});
