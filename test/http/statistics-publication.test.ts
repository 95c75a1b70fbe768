import path from 'node:path';
import { loadValidators } from '../../src/http/validation.js';
import type { Clock } from '../../src/ports/clock.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';

/*
 * 公示制度: an agency publishes its yearly enforcement statistics by 20 January of the next year. Its admin records
 * the day they were published (a signed StatisticsPublished, once a year), and the supervisors' statistics say on
 * time or late from then on, instead of overdue for ever.
 */
const AGENCY = 'county-justice';
const START = Date.parse('2026-01-16T02:00:00Z');
const started = Date.now();
/** The service's clock: 10:00 on Friday 16 January 2026 in China when the test starts, before the 2025 deadline. */
const clock: Clock = { now: () => new Date(START + (Date.now() - started)) };
const validate = loadValidators(path.resolve(__dirname, '../../schemas'));
let t: TestService;
let admin: string;
let officer: string;
let supervisor: string;

const record = (year: number, body: object, token = admin) =>
  t.call('PUT', `/v1/agencies/${AGENCY}/statistics/${year}/publication`, { token, body: { agency: AGENCY, ...body } });
const statistics = async (year: number, asOf?: string) =>
  (
    await t.call('GET', `/v1/audit/statistics?year=${year}&agency=${AGENCY}${asOf ? `&asOf=${asOf}` : ''}`, {
      token: supervisor,
    })
  ).body;

beforeAll(async () => {
  t = await startTestService({}, { clock });
  ({ admin, officer } = await seedAgency(t, AGENCY));
  supervisor = t.token('sam', AGENCY, ['supervisor']);
}, 60_000);
afterAll(() => t?.stop());

describe("recording the publication of an agency's yearly statistics", () => {
  it('when nothing is recorded, then a past year is overdue and its record says only the deadline', async () => {
    expect((await statistics(2024)).publication).toEqual({ deadline: '2025-01-20', status: 'overdue' });
    const res = await t.call('GET', `/v1/agencies/${AGENCY}/statistics/2024/publication`);
    expect(res.status).toBe(200);
    expect(() => validate('urn:evidence-ledger:schema:response:statistics-publication', res.body)).not.toThrow();
    expect(res.body).toEqual({ agency: AGENCY, year: 2024, deadline: '2025-01-20' });
  });

  it('when the admin records a publication by 20 January, then the statistics say published on time, and anyone can read it', async () => {
    const res = await record(2025, { publishedOn: '2026-01-15', url: 'https://county.example.gov.cn/tjnb/2025' });
    expect(res.status).toBe(201);
    expect(() => validate('urn:evidence-ledger:schema:response:recording-write', res.body)).not.toThrow();
    expect(res.body).toMatchObject({ agency: AGENCY, year: 2025, revision: 0 });
    const stats = await statistics(2025);
    expect(() => validate('urn:evidence-ledger:schema:response:audit-statistics', stats)).not.toThrow();
    expect(stats.publication).toEqual({
      deadline: '2026-01-20',
      status: 'published_on_time',
      publishedOn: '2026-01-15',
      recordedOn: '2026-01-16',
    });
    // as of the day it states, it was not recorded yet: due then, as the ledger stood
    expect((await statistics(2025, '2026-01-15')).publication).toEqual({ deadline: '2026-01-20', status: 'due' });
    const read = await t.call('GET', `/v1/agencies/${AGENCY}/statistics/2025/publication`);
    expect(read.body).toMatchObject({
      publishedOn: '2026-01-15',
      url: 'https://county.example.gov.cn/tjnb/2025',
      eventId: expect.any(String),
    });
  });

  it('when a publication after 20 January is recorded, or one stated before it is recorded after it, then published late', async () => {
    expect((await record(2023, { publishedOn: '2024-02-01' })).status).toBe(201);
    expect((await statistics(2023)).publication).toMatchObject({ status: 'published_late', publishedOn: '2024-02-01' });
    // stated as published by its deadline (2025-01-20) but recorded a year later: the stated day is the admin's word
    expect((await record(2024, { publishedOn: '2025-01-15' })).status).toBe(201);
    expect((await statistics(2024)).publication).toMatchObject({
      status: 'published_late',
      publishedOn: '2025-01-15',
      recordedOn: '2026-01-16',
    });
  });

  it.each([
    [
      'a day within the year itself',
      2022,
      { publishedOn: '2022-12-31' },
      () => admin,
      422,
      'statistics_publication_invalid',
    ],
    ['a day still to come', 2022, { publishedOn: '2026-01-17' }, () => admin, 422, 'statistics_publication_invalid'],
    ['a second record of a year', 2025, { publishedOn: '2026-01-16' }, () => admin, 409, 'statistics_published'],
    ['an officer', 2022, { publishedOn: '2023-01-10' }, () => officer, 403, 'forbidden'],
    [
      'a url that is not https',
      2022,
      { publishedOn: '2023-01-10', url: 'http://x.example' },
      () => admin,
      400,
      'invalid_body',
    ],
  ])(
    'when the record has %s, then it is refused and nothing is recorded',
    async (_what, year, body, token, status, code) => {
      const res = await record(year, body, token());
      expect([res.status, res.body.code]).toEqual([status, code]);
      // the year's record is as before: none for 2022, the first for 2025
      const read = await t.call('GET', `/v1/agencies/${AGENCY}/statistics/${year}/publication`);
      expect(read.body.publishedOn).toBe(year === 2025 ? '2026-01-15' : undefined);
    },
  );

  it('when the body names another agency or the year is not one, then 400 or 404', async () => {
    const other = await t.call('PUT', `/v1/agencies/${AGENCY}/statistics/2021/publication`, {
      token: admin,
      body: { agency: 'city-market', publishedOn: '2022-01-10' },
    });
    expect([other.status, other.body.code]).toEqual([400, 'invalid_body']);
    expect((await t.call('GET', `/v1/agencies/${AGENCY}/statistics/21/publication`)).status).toBe(404);
    expect((await t.call('GET', `/v1/agencies/${AGENCY}/statistics/2021/publication`)).body).not.toHaveProperty(
      'publishedOn',
    );
  });
});
