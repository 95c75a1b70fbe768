import { seedAgency, startTestService, type TestService } from '../support/service.js';

const AGENCY = 'county-justice';
const MARKET = 'city-market';
const FOOD_FINES = {
  entryId: 'RC-01',
  description: '食品安全领域五千元以上罚款',
  decisionTypes: ['fine'],
  fields: ['食品安全'],
  amountFenAtLeast: 500_000,
};
const SUSPENSIONS = { entryId: 'RC-02', description: '责令停产停业', decisionTypes: ['business_suspension'] };

let t: TestService;

const html = async (route: string) => {
  const res = await fetch(t.url + route, { headers: { accept: 'text/html' } });
  return { status: res.status, text: await res.text() };
};

beforeAll(async () => {
  t = await startTestService();
  const { admin } = await seedAgency(t, AGENCY);
  await seedAgency(t, MARKET, { officers: ['olga', 'oscar'] });
  for (const [entries, reason] of [
    [[FOOD_FINES], '首次编制'],
    [[FOOD_FINES, SUSPENSIONS], '年度动态调整'],
  ] as const) {
    const body = { agency: AGENCY, level: 'city', entries, reason };
    const res = await t.call('PUT', `/v1/agencies/${AGENCY}/review-catalogue`, { token: admin, body });
    if (res.status !== 201) throw new Error(`review-catalogue: ${res.status}`);
  }
}, 60_000);
afterAll(() => t.stop());

describe('the review catalogue page (重大执法决定法制审核目录清单)', () => {
  it('when opened without JavaScript, then the version in force shows its level, entries and factors, and both versions are listed, in Chinese', async () => {
    const { status, text } = await html(`/published/review-catalogue?agency=${AGENCY}`);
    expect(status).toBe(200);
    expect(text).toContain('<h1>重大执法决定法制审核目录清单</h1>');
    expect(text).toContain('现行第 2 版');
    expect(text).toContain('执法层级：市级');
    expect(text).toContain('年度动态调整');
    expect(text).toContain('食品安全领域五千元以上罚款');
    expect(text).toContain('¥5,000.00');
    expect(text).toContain('责令停产停业');
    expect(text).toContain(`version=1`);
    expect(text).toContain('第 2 版');
  });

  it('when an earlier version is asked for, then its entries show with a link back to the current one', async () => {
    const { text } = await html(`/published/review-catalogue?agency=${AGENCY}&version=1`);
    expect(text).toContain('第 1 版（');
    expect(text).toContain('首次编制');
    expect(text).toContain('查看现行版本');
    const entries = text.slice(text.indexOf('entries-heading'), text.indexOf('history-heading'));
    expect(entries).toContain('食品安全领域五千元以上罚款');
    expect(entries).not.toContain('RC-02');
  });

  it('when a version the catalogue does not have is asked for, then the 404 page says which versions there are and links to the current one', async () => {
    for (const version of ['99', '0', 'x']) {
      const { status, text } = await html(`/published/review-catalogue?agency=${AGENCY}&version=${version}`);
      expect(status).toBe(404);
      expect(text).toContain('本机关的目录清单有第 1 至第 2 版');
      expect(text).toContain(`href="/published/review-catalogue?agency=${AGENCY}"`);
      expect(text).not.toContain('entries-heading');
    }
    const none = await html(`/published/review-catalogue?agency=${MARKET}&version=1&lang=en`);
    expect(none.status).toBe(404);
    expect(none.text).toContain('The agency has published no catalogue.');
  });

  it('when an agency the public lists do not know is asked for, then the 404 page says so, in English too', async () => {
    const { status, text } = await html('/published/review-catalogue?agency=zzz&lang=en');
    expect(status).toBe(404);
    expect(text).toContain('No agency “zzz” is known to the public lists.');
    expect(text).not.toContain('The agency has published no catalogue');
  });

  it('when asked in English, or for an agency without a catalogue, then the English text or the note that items’ own criteria apply show', async () => {
    expect((await html(`/published/review-catalogue?agency=${AGENCY}&lang=en`)).text).toContain(
      'Catalogue of major decisions needing legal review',
    );
    const none = await html(`/published/review-catalogue?agency=${MARKET}`);
    expect(none.status).toBe(200);
    expect(none.text).toContain('本机关尚未公布目录清单');
  });

  it('when opened without an agency, then the first agency is shown and chosen, and the choice offers no "all", since the page shows one agency at a time', async () => {
    const { text } = await html('/published/review-catalogue');
    const choice = /<select name="agency">([^]*?)<\/select>/.exec(text)![1]!;
    expect(choice).not.toContain('<option value="">');
    expect(choice).toMatch(/<option value="[^"]+"\s*selected>/);
  });

  it('when the published index is opened, then it links to the catalogue; a malformed agency gets a 400 page', async () => {
    expect((await html('/published')).text).toContain('href="/published/review-catalogue"');
    expect((await html('/published/review-catalogue?agency=a%2Fb')).status).toBe(400);
  });
});
