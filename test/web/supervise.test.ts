import { gzipSync } from 'node:zlib';
import { PortalAssets } from '../../src/web/assets.js';
import {
  AGENCY,
  DAY,
  OTHER,
  at,
  openCase,
  page,
  recordAct,
  startScreensService,
  type ScreensFixture,
} from '../support/screens.js';
import { appendPastRules } from '../support/raw-append.js';
import { caseStream } from '../../src/domain/case/acts.js';

let f: ScreensFixture;

const CHECKS = Object.fromEntries(
  [
    'subjectLawful',
    'officersQualified',
    'procedureLawful',
    'factsClear',
    'evidenceSufficient',
    'lawAppliedCorrectly',
    'discretionAppropriate',
    'withinAuthority',
    'documentsComplete',
  ].map((c) => [c, true]),
);

beforeAll(async () => {
  f = await startScreensService();
  // an officer whose certificate runs out within the warning window
  const res = await f.t.call('POST', '/v1/officers', {
    token: f.admin,
    body: {
      officerId: 'carl',
      name: '执法人员carl',
      agency: AGENCY,
      certificateNo: '1405-carl',
      validFrom: '2018-01-01',
      validTo: '2026-03-20',
      roles: ['officer'],
    },
  });
  expect(res.status).toBe(201);
  // an officer whose certificate ran out a month before the fixture's day
  const lapsed = await f.t.call('POST', '/v1/officers', {
    token: f.admin,
    body: {
      officerId: 'cleo',
      name: '执法人员cleo',
      agency: AGENCY,
      certificateNo: '1405-cleo',
      validFrom: '2018-01-01',
      validTo: '2026-01-31',
      roles: ['officer'],
    },
  });
  expect(lapsed.status).toBe(201);
  // a warning decided in January and never published: overdue by the fixture's day
  const january = await f.t.call('POST', '/v1/cases', {
    token: f.alice,
    body: {
      caseId: 'sv-late',
      itemCode: 'P-001',
      title: '逾期未公示案',
      openedOn: '2026-01-05',
      officers: ['alice', 'bob'],
      parties: [{ kind: 'organization', name: '某某律师事务所' }],
    },
  });
  expect(january.status).toBe(201);
  await recordAct(f, f.alice, 'sv-late', {
    type: 'DecisionIssued',
    occurredAt: '2026-01-06T10:00:00+08:00',
    data: {
      decisionType: 'warning',
      legalBasis: '《律师法》第五十条',
      documentNo: '县司告〔2026〕1号',
      decidedOn: '2026-01-06',
    },
  });
  // a major case decided after an approved review, and left unpublished
  await openCase(f, 'sv-1');
  const proposed = { decisionType: 'fine', fineFen: 2_000_000, legalBasis: '《律师法》第五十条' };
  await recordAct(f, f.alice, 'sv-1', { type: 'LegalReviewRequested', occurredAt: at('09:00'), data: { proposed } });
  await recordAct(f, f.rita, 'sv-1', {
    type: 'LegalReviewCompleted',
    occurredAt: at('10:00'),
    data: { outcome: 'approved', opinion: '同意', checks: { ...CHECKS, criminalReferralNeeded: false } },
  });
  const decided = await recordAct(f, f.alice, 'sv-1', {
    type: 'DecisionIssued',
    occurredAt: at('11:00'),
    data: { ...proposed, documentNo: '县司罚决字〔2026〕9号', decidedOn: DAY },
  });
  // a seizure recorded without its video (refused by today's rules; an older record may hold one)
  await openCase(f, 'sv-seized');
  await appendPastRules(
    f.t,
    caseStream(AGENCY, 'sv-seized'),
    'PropertySeized',
    { items: '执业许可证原件一份', legalBasis: '《行政强制法》第二十二条', officers: ['alice', 'bob'] },
    { agency: AGENCY, occurredAt: at('12:00') },
  );
  await f.t.service.readModelsCaughtUp();
  expect(decided).toBeGreaterThan(0);
});
afterAll(() => f.t.stop());

describe('the supervision dashboard', () => {
  it('when a supervisor opens it, then counters, the lists, the monthly chart with its table and the live feed are shown', async () => {
    const res = await page(f, '/supervise', f.sam);
    expect(res.status).toBe(200);
    expect(res.text).toContain('<h1>执法监督</h1>');
    // the major decision beside its approved review, linked to its case file
    expect(res.text).toContain(`<a href="/cases/${AGENCY}/sv-1">sv-1</a>`);
    expect(res.text).toContain('审核通过（执法人员rita）'); // the reviewer by the name the officer list holds
    // the seizure without its recording, linked to its case file, with the act and its day
    expect(res.text).toMatch(
      new RegExp(
        `<a href="/cases/${AGENCY}/sv-seized">sv-seized</a></td>\\s*<td>${AGENCY}</td>\\s*<td>查封扣押 ${DAY}</td>`,
      ),
    );
    // the certificate expiring within the window
    expect(res.text).toMatch(
      /执法人员carl（carl）<\/td>\s*<td>county-justice<\/td>\s*<td>2026-03-20<\/td>\s*<td>18 天后到期/,
    );
    // the decision past its publication deadline, linked to its case file, with its days overdue
    expect(res.text).toMatch(
      new RegExp(
        `<a href="/cases/${AGENCY}/sv-late">sv-late</a></td>\\s*<td>${AGENCY}</td>\\s*<td>2026-01-06</td>\\s*<td>2026-\\d\\d-\\d\\d</td>\\s*<td>\\d+</td>`,
      ),
    );
    // the certificate already expired, beside the one expiring
    expect(res.text).toMatch(
      /执法人员cleo（cleo）<\/td>\s*<td>county-justice<\/td>\s*<td>2026-01-31<\/td>\s*<td class="bad">已过期 30 天/,
    );
    // the reviewer ratio per agency on the fixture's day: cleo, still registered and active, no longer counts once
    // her certificate has lapsed (alice, bob, rita and carl do)
    expect(res.text).toMatch(/<td>county-justice<\/td>\s*<td>4<\/td>\s*<td>1<\/td>\s*<td>1<\/td>/);
    // and the page says who counts: a reviewer only with a legal qualification recorded
    expect(res.text).toContain('法制审核人员计入当日在岗的全部审核人员');
    // the chart: an image with a title and description, and its figures in a table (March: two cases opened, one decided)
    expect(res.text).toMatch(
      /<svg\s+class="chart"\s+id="monthly-chart"[^>]*role="img"\s+aria-labelledby="monthly-chart-title monthly-chart-desc"/,
    );
    expect(res.text).toMatch(/<th scope="row">2026-03<\/th>\s*<td>2<\/td>\s*<td>1<\/td>\s*<td>0<\/td>/);
    expect(res.text).toContain('<ol id="live-feed" class="feed" aria-live="polite"');
    expect(res.text).toMatch(/<script type="module" src="\/assets\/dashboard\.js\?v=[0-9a-f]{12}">/);
  });

  it('when a supervisor opens it in English, then its notes are in ASCII brackets with a space, not full-width ones', async () => {
    const { text } = await page(f, '/supervise?lang=en', f.sam);
    const main = text.slice(text.indexOf('<main'), text.indexOf('</main>'));
    expect(main).toContain('Approved (执法人员rita)');
    expect(main).toMatch(/carl \(carl\)<\/td>/);
    expect(main).toMatch(/cleo \(cleo\)<\/td>/);
    expect(main).not.toMatch(/[（）；]/);
  });

  it('when the supervisor narrows it to one agency, then the views answer for that agency only', async () => {
    const res = await page(f, `/supervise?agency=${AGENCY}&year=2026`, f.sam);
    expect(res.status).toBe(200);
    expect(res.text).toMatch(new RegExp(`<option value="${AGENCY}"\\s*selected>`));
    expect(res.text).not.toContain('<td>city-justice</td>');
  });

  it('when the agency is written as a list (?agency[]=), then a 400 page, never the dashboard unfiltered', async () => {
    for (const query of [`agency[]=${AGENCY}`, `agency[x]=${AGENCY}`]) {
      const res = await page(f, `/supervise?${query}`, f.sam);
      expect([query, res.status]).toEqual([query, 400]);
      expect(res.text).toContain('<h1>查询条件有误</h1>');
    }
  });

  it('when the supervisor asks for an agency it does not supervise, then 403, as the API answers', async () => {
    const res = await page(f, `/supervise?agency=${OTHER}`, f.sam);
    expect(res.status).toBe(403);
    const api = await f.t.call('GET', `/v1/audit/reviewer-ratio?agency=${OTHER}`, { token: f.sam });
    expect(api.status).toBe(403);
  });

  it('when an officer opens it, then 403: the dashboard is for supervisors, and the page says the role is missing', async () => {
    const res = await page(f, '/supervise', f.alice);
    expect(res.status).toBe(403);
    expect(res.text).toContain('<h1>无权使用此页面</h1>');
    expect(res.text).not.toContain('请稍后再试');
  });

  it('when the dashboard script is built, then it is at most 150 KB gzipped', () => {
    const script = new PortalAssets().get('dashboard.js');
    expect(script).toBeDefined();
    expect(gzipSync(script!).byteLength).toBeLessThanOrEqual(150 * 1024);
  });
});

describe("the signed-in pages and a write's position", () => {
  it.each(['/supervise', '/supervise/lists/major-decisions', '/supervise/discretion', '/work', '/reviews'])(
    'when %s is sent ?consistentWith= beyond the log or not a position, then 400; at the log head it answers',
    async (path) => {
      const head = await f.t.service.events.headPosition();
      // a page that ignored consistentWith would answer 200 to both, and could show the list before the write
      const token = path.startsWith('/supervise') ? f.sam : path === '/reviews' ? f.rita : f.alice;
      for (const value of [String(head + 1_000_000), 'soon']) {
        const refused = await page(f, `${path}?consistentWith=${value}`, token);
        expect({ path, value, status: refused.status }).toEqual({ path, value, status: 400 });
      }
      expect((await page(f, `${path}?consistentWith=${head}`, token)).status).toBe(200);
    },
  );

  it("when the online application's pages are sent a consistentWith of their own, then they read it themselves", async () => {
    // the progress form posts the filing's position as a field; its page is not refused before it reads it
    expect((await page(f, '/apply?consistentWith=soon')).status).toBe(200);
    // nor does a path of the API no route took: it is not found, whatever its query
    const missing = await f.t.call('GET', '/v1/no-such-route?consistentWith=soon');
    expect([missing.status, missing.body.code]).toEqual([404, 'not_found']);
  });
});
