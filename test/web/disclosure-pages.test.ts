import type { TestService } from '../support/service.js';
import { CITY, COUNTY, getPage, publicFixture, SECRETS, TODAY } from './public-fixture.js';

let t: TestService;
let lastEvent: Record<string, string>;
let lastHash: Record<string, string>;

beforeAll(async () => {
  ({ t, lastEvent, lastHash } = await publicFixture());
}, 60_000);
afterAll(() => t.stop());

/** The case ids the page links to, in order. */
const linked = (text: string) => [...text.matchAll(/href="\/disclosures\/[^/"]+\/([^"?]+)"/g)].map((m) => m[1]!);

describe('the home page', () => {
  it('when opened without a language, then it is in Chinese with the latest decisions, the search and the feed', async () => {
    const { status, text, headers } = await getPage(t, '/');
    expect(status).toBe(200);
    expect(headers.get('content-language')).toBe('zh-CN');
    expect(text).toContain('<html lang="zh-CN">');
    expect(text).toContain('最新公示的执法决定');
    expect(linked(text).sort()).toEqual(['city-1', 'pub-1', 'pub-2']);
    expect(text).toContain('href="/v1/disclosures/feed.atom"');
    expect(text).toMatch(/<form class="filters" method="get" action="\/disclosures" role="search">/);
  });

  it('when opened with ?lang=en, then it is in English', async () => {
    const { text, headers } = await getPage(t, '/?lang=en');
    expect(headers.get('content-language')).toBe('en');
    expect(text).toContain('Latest published decisions');
    expect(text).not.toContain('最新公示的执法决定');
  });
});

describe('the disclosures page', () => {
  it('when opened, then it lists published decisions redacted and escaped, withdrawals apart, with the feed link', async () => {
    const { status, text } = await getPage(t, '/disclosures');
    expect(status).toBe(200);
    expect(linked(text.slice(0, text.indexOf('已撤销的公示'))).sort()).toEqual(['city-1', 'pub-1', 'pub-2']);
    expect(text).toContain('已撤销的公示');
    expect(text).toContain('决定已被复议撤销');
    // the withdrawal's date is the agency's: 07:10 in China, still the day before in UTC
    expect(text).toContain(`撤销时间 ${TODAY}<`);
    expect(text).toContain('张**');
    expect(text).toContain('¥5,000.00');
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).not.toContain('<script>alert');
    expect(text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;律所');
    expect(text).toContain('href="/v1/disclosures/feed.atom"');
  });

  it('when filtered by agency, item, category, dates or search, then only matching decisions show, and the feed link keeps the filters', async () => {
    const ids = async (query: string) => {
      const { status, text } = await getPage(t, `/disclosures?${query}`);
      expect([query, status]).toEqual([query, 200]);
      return linked(text.slice(0, text.indexOf('<h3>') === -1 ? undefined : text.indexOf('<h3>'))).sort();
    };
    expect(await ids(`agency=${CITY}`)).toEqual(['city-1']);
    expect(await ids('itemCode=P-001')).toEqual(['pub-1', 'pub-2']);
    expect(await ids('category=licensing')).toEqual(['city-1']);
    // the decision's own type, beside the item's category: a fine, a warning, a licence granted
    expect(await ids('decisionType=fine')).toEqual(['pub-1']);
    expect(await ids('decisionType=warning')).toEqual(['pub-2']);
    expect(await ids(`decisionType=license_granted&agency=${COUNTY}`)).toEqual([]);
    expect(await ids(`from=${TODAY}&to=${TODAY}`)).toEqual(['city-1', 'pub-1', 'pub-2']);
    expect(await ids('to=2020-01-01')).toEqual([]);
    // nothing found by a search: a person's masked name is no search term, and the page says so; no search, no word
    const byName = await getPage(t, `/disclosures?q=${encodeURIComponent('张**')}`);
    expect(byName.text).toContain('当事人为自然人的，其姓名已脱敏公示（如“张**”），不能按姓名检索');
    expect((await getPage(t, '/disclosures?to=2020-01-01')).text).not.toContain('不能按姓名检索');
    expect(await ids(`q=${encodeURIComponent('县司罚〔2026〕1号')}`)).toEqual(['pub-1']);
    expect(await ids(`q=${encodeURIComponent('〔2026〕1号 市许')}`)).toEqual(['city-1']);
    // the item's code and a firm's name as published, each a word that must match
    expect(await ids(`q=${encodeURIComponent('l-001 某某律师事务所')}`)).toEqual(['city-1']);
    expect(await ids(`q=${encodeURIComponent('某某律师事务所')}`)).toEqual(['city-1', 'pub-1']);
    expect(await ids(`q=${encodeURIComponent('律所')}`)).toEqual(['pub-2']);
    // a sealed person's name is not searched, masked or not (docs/privacy.md)
    expect(await ids(`q=${encodeURIComponent('张**')}`)).toEqual([]);
    expect(await ids(`q=${encodeURIComponent('张三丰')}`)).toEqual([]);
    // a form sends its empty fields: they filter nothing
    expect(await ids(`q=&agency=${COUNTY}&itemCode=&category=&decisionType=&from=&to=`)).toEqual(['pub-1', 'pub-2']);
    const { text } = await getPage(t, `/disclosures?agency=${COUNTY}&q=${encodeURIComponent('罚')}`);
    expect(text).toContain(`href="/v1/disclosures/feed.atom?q=%E7%BD%9A&amp;agency=${COUNTY}"`);
    // the head's feed link, which a reader's feed software finds, keeps the filters too
    const head = text.slice(0, text.indexOf('</head>'));
    expect(head).toMatch(
      new RegExp(
        `rel="alternate"\\s+type="application/atom\\+xml"\\s+href="/v1/disclosures/feed\\.atom\\?q=%E7%BD%9A&amp;agency=${COUNTY}"`,
      ),
    );
    expect(text).toMatch(new RegExp(`<option value="${COUNTY}"\\s+selected`));
  });

  it('when paged, then each page holds limit decisions and the next link leads through the rest without repeats', async () => {
    const seen: string[] = [];
    let route: string | undefined = '/disclosures?limit=1';
    for (let guard = 0; route && guard < 10; guard++) {
      const { text }: { text: string } = await getPage(t, route);
      const main = text.slice(
        text.indexOf('<main'),
        text.indexOf('已撤销的公示') === -1 ? undefined : text.indexOf('已撤销的公示'),
      );
      seen.push(...linked(main));
      const next = /<a rel="next" href="([^"]+)"/.exec(text)?.[1];
      route = next?.replaceAll('&amp;', '&');
      if (guard > 0) expect(text).toContain('回到第一页');
    }
    expect(seen.sort()).toEqual(['city-1', 'pub-1', 'pub-2']);
  });

  it.each([
    ['from=2026-12-10&to=2026-12-01&decisionType=fine', 'f-from', '公示日期“自”不能晚于“至”'],
    ['from=2026-13-01', 'f-from', '请按“年-月-日”填写日期'],
    ['q=a b c d e f g h i', 'f-q', '搜索词最多 8 个'],
    [`q=${'x'.repeat(101)}`, 'f-q', '搜索内容最多 100 个字'],
    ['category=parking', undefined, '查询条件无法识别'],
  ])(
    'when the filters are %s, then the list page comes back with the filters as given and what is wrong at the field, 400',
    async (query, field, said) => {
      const { status, text } = await getPage(t, `/disclosures?${query.replace(/ /g, '+')}`);
      expect(status).toBe(400);
      expect(text).toContain('<h1>执法决定公示</h1>');
      expect(text).toContain('<div class="error-summary" role="alert"');
      expect(text).toContain(said);
      if (field) expect(text).toContain(`<a href="#${field}">`);
      expect(text).toMatch(new RegExp(`id="${field ?? 'f-q'}"`));
      // the filters as given stay in the form
      if (query.includes('decisionType=fine')) {
        expect(text).toContain('value="2026-12-10"');
        expect(text).toContain('<option value="fine" selected');
      }
      // no results until the filters are put right
      expect(text).not.toContain('<h2 id="results">');
    },
  );

  it('when a filter is malformed, then the reader gets a 400 page, not a problem document, that says the query is at fault', async () => {
    for (const query of [
      'cursor=nonsense',
      'q=a&q=b',
      'agency=a&agency=b',
      // written as a list or a map: refused, never shown unfiltered
      'agency[]=x',
      'q[a]=1',
    ]) {
      const { status, text, headers } = await getPage(t, `/disclosures?${query}`);
      expect([query, status]).toEqual([query, 400]);
      expect(headers.get('content-type')).toMatch(/^text\/html/);
      expect(text).toContain('<html lang="zh-CN">');
      // the reader's query is at fault: not "try again later", and a way back to the list without it
      expect(text).toContain('<h1>查询条件有误</h1>');
      expect(text).not.toContain('请稍后再试');
      expect(text).toContain('<a href="/disclosures">清除条件，重新查询</a>');
    }
  });

  it('when a search holds control characters, then they are dropped before searching and never reach the page', async () => {
    const nul = await getPage(t, '/disclosures?q=%00');
    expect(nul.status).toBe(200);
    expect(nul.text).not.toMatch(/\p{Cc}(?<![\t\n\r])/u);
    expect(nul.text).toMatch(/name="q"\s+maxlength="100"\s+value=""/);
    const { status, text } = await getPage(t, `/disclosures?q=%00${encodeURIComponent('律所')}%07`);
    expect(status).toBe(200);
    expect(linked(text.slice(0, text.indexOf('<h3>') === -1 ? undefined : text.indexOf('<h3>')))).toEqual(['pub-2']);
    expect(text).not.toMatch(/\p{Cc}(?<![\t\n\r])/u);
    expect(text).toContain('value="律所"');
  });

  it('when a search holds markup, then the page echoes it escaped', async () => {
    const { status, text } = await getPage(t, `/disclosures?q=${encodeURIComponent('"><img src=x onerror=alert(1)>')}`);
    expect(status).toBe(200);
    expect(text).not.toContain('<img src=x');
    expect(text).toContain('value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
  });
});

describe('a decision page', () => {
  it('when a published decision is opened, then it shows the decision, its legal basis, deadline met and the ledger badge hook', async () => {
    const { status, text } = await getPage(t, `/disclosures/${COUNTY}/pub-1`);
    expect(status).toBe(200);
    expect(text).toContain('<h1>县司罚〔2026〕1号</h1>');
    expect(text).toContain('《律师法》第五十条 &lt;第二款&gt;');
    expect(text).toContain('罚款');
    expect(text).toContain('¥5,000.00');
    expect(text).toMatch(/公示期限至 2026-06-\d\d（含当日）/);
    expect(text).toContain('已按期公示');
    // whose word that is: the agency's recorded publication date, not an independent attestation
    expect(text).toContain('（依本机关登记的公示日期判断）');
    expect(text).toContain('张**（自然人）');
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).not.toContain('<script>alert');
    const badge = /<p\s+id="ledger-badge"([^>]*)>([^<]*)<\/p>/.exec(text);
    expect(badge).not.toBeNull();
    const attributes = Object.fromEntries([...badge![1]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    expect(attributes).toEqual({
      class: 'badge pending',
      'aria-live': 'polite',
      'data-event-id': lastEvent['pub-1'],
      'data-event-hash': lastHash['pub-1'],
      // the agency's offset, minutes east of UTC, that the badge gives the checkpoint's time in
      'data-utc-offset': '480',
    });
    expect(badge![2]).toContain('本公示已记入可验证的防篡改账本');
    // what the badge covers, and what it does not: the decision's content is checked with the case's bundle
    expect(text).toMatch(
      /<p class="muted" id="ledger-badge-scope">该徽标证明的是本次公示（公示记录这一事件）已记入账本。[^<]*ledger verify[^<]*<\/p>/,
    );
    expect(text).toMatch(/<script type="module" src="\/assets\/badge\.js\?v=[0-9a-f]{12}"><\/script>/);
    expect(text).toContain(`href="/v1/ledger/proof/inclusion?eventId=${lastEvent['pub-1']}"`);
    // without the script, the sentence saying how to check it: each link around its own words, the joins outside
    const proof = `/v1/ledger/proof/inclusion?eventId=${lastEvent['pub-1']}`;
    expect(text).toContain(
      `自行核验：获取该事件的<a href="${proof}">包含证明</a>，并以<a href="/v1/ledger/checkpoint">签名检查点</a>和<a href="/v1/ledger/keys">公开密钥</a>核对。`,
    );
  });

  it('when an updated decision is opened, then it says so, lists the update, and the badge names the update event', async () => {
    const { text } = await getPage(t, `/disclosures/${COUNTY}/pub-2`);
    expect(text).toContain('本公示已更新 1 次');
    expect(text).not.toContain('<script>alert');
    expect(text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;律所（法人或其他组织）');
    expect(text).toContain('更正当事人名称');
    // when, as a reader reads a time: to the minute, not an ISO 8601 string, in the agency's time (written in
    // UTC, 01:00) with its offset
    expect(text).toContain(`<td><time datetime="${TODAY}T01:00:00Z">${TODAY} 09:00 +08:00</time></td>`);
    expect(text).toContain(`data-event-id="${lastEvent['pub-2']}"`);
    expect(text).not.toContain('罚款金额');
  });

  it('when a withdrawn decision is opened, then only its withdrawal notice shows', async () => {
    const { status, text } = await getPage(t, `/disclosures/${COUNTY}/pub-3`);
    expect(status).toBe(200);
    expect(text).toContain('本公示已撤销');
    // withdrawn at 23:10 UTC of the day before: 07:10 in China
    expect(text).toContain(`该执法决定的公示已于 ${TODAY} 07:10 +08:00 撤销`);
    expect(text).toContain('决定已被复议撤销');
    // the item by its name, as on the other pages, its code beside it
    expect(text).toMatch(/<dd>\s*未按规定公示执业信息（P-001）\s*<\/dd>/);
    expect(text).not.toContain('张**');
    expect(text).not.toContain('律师法');
    expect(text).toContain(`data-event-id="${lastEvent['pub-3']}"`);
  });

  it('when the decision is unknown, of another agency, or the id is not one, then the 404 page', async () => {
    for (const route of [
      `/disclosures/${COUNTY}/nope`,
      `/disclosures/${CITY}/pub-1`,
      `/disclosures/${COUNTY}/${encodeURIComponent('<b>')}`,
    ]) {
      const { status, text } = await getPage(t, route);
      expect([route, status]).toEqual([route, 404]);
      expect(text).toContain('未找到该公示');
    }
    const en = await getPage(t, `/disclosures/${COUNTY}/nope?lang=en`);
    expect(en.text).toContain('Decision not found');
  });

  it('when the page is in English, then the labels are English and the data as published', async () => {
    const { text } = await getPage(t, `/disclosures/${COUNTY}/pub-1`, { 'accept-language': 'en-GB,en;q=0.9' });
    expect(text).toContain('<html lang="en">');
    expect(text).toContain('Published on time');
    expect(text).toContain('¥5,000.00');
    expect(text).toContain('张** (Person); 某某律师事务所 (Organisation)');
    expect(text).toMatch(
      /fetch the event’s <a href="[^"]+">inclusion proof<\/a> and check it against the <a href="\/v1\/ledger\/checkpoint">signed checkpoint<\/a> and the <a href="\/v1\/ledger\/keys">published keys<\/a>\./,
    );
  });
});
