import type { Browser, BrowserContext } from 'playwright-core';
import { describeInBrowser, launchBrowser, seriousViolations } from '../support/browser.js';
import { FLOW_CHART, INSPECTION_ENTRY, POST_BOARD, REVIEW_CHART, SERVICE_GUIDE } from '../support/published.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';

const COUNTY = 'county-justice';

describeInBrowser('the pages of what agencies publish before enforcement, in Chromium', () => {
  let t: TestService;
  let browser: Browser;
  let context: BrowserContext;
  let position = 0;

  beforeAll(async () => {
    const started = startTestService();
    [t, browser] = await Promise.all([started, launchBrowser()]);
    const { admin } = await seedAgency(t, COUNTY, { item: { code: 'L-001', category: 'licensing' } });
    const put = async (path: string, body: object) => {
      const res = await t.call('PUT', `/v1/agencies/${COUNTY}/${path}`, { token: admin, body });
      if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
      position = res.body.position;
    };
    await put('inspection-list/RC-01', { ...INSPECTION_ENTRY, note: '首次公布' });
    await put('inspection-list/RC-01', { ...INSPECTION_ENTRY, ratioBasisPoints: 1000, note: '比例提高至10%' });
    await put('flow-charts/L-001', FLOW_CHART);
    await put('review-charts/standard', REVIEW_CHART);
    await put('service-guides/L-001', SERVICE_GUIDE);
    await put('post-boards/W-3', POST_BOARD);
    await t.call('GET', `/v1/agencies/${COUNTY}/post-boards?consistentWith=${position}`);
  }, 120_000);
  beforeEach(async () => {
    context = await browser.newContext({ locale: 'zh-CN' });
  });
  afterEach(() => context.close());
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it.each([
    ['/published', '事前公开'],
    [`/published/inspection-list?agency=${COUNTY}`, '随机抽查事项清单'],
    [`/published/inspection-list/${COUNTY}/RC-01`, '随机抽查事项清单 · RC-01'],
    [`/published/flow-charts/${COUNTY}/L-001`, '行政执法事项流程图 · 执法事项 L-001'],
    [`/published/review-charts/${COUNTY}/standard`, '重大执法决定法制审核流程图 · standard'],
    [`/published/service-guides/${COUNTY}/L-001`, '行政执法服务指南 · 执法事项 L-001'],
    [`/published/post-boards/${COUNTY}/W-3`, '岗位信息公示牌 · W-3'],
  ])(
    'when %s is opened, then its heading shows, the page loads no script, and axe finds no serious violation',
    async (route, h1) => {
      const page = await context.newPage();
      const response = await page.goto(t.url + route);
      expect(response?.status()).toBe(200);
      expect(await page.locator('script').count()).toBe(0);
      expect((await page.locator('h1').textContent())?.trim()).toBe(h1);
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
      expect(await seriousViolations(page)).toEqual([]);
    },
  );

  it('when the public navigation is followed without JavaScript, then it leads to the inspection list of the agency and its entry', async () => {
    const noScript = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(`${t.url}/`);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '事前公开' }).click();
    await page.getByRole('link', { name: '随机抽查事项清单' }).click();
    await page.getByRole('link', { name: COUNTY }).click();
    expect(await page.locator('tbody tr').count()).toBe(1);
    expect(await page.locator('tbody').textContent()).toContain('10%');
    await page.getByRole('link', { name: 'RC-01' }).click();
    expect(await page.locator('dl.fields').textContent()).toContain(INSPECTION_ENTRY.subject);
    await noScript.close();
  });

  it('when an entry with two versions is opened, then the history names what changed and the first version can be read', async () => {
    const page = await context.newPage();
    await page.goto(`${t.url}/published/inspection-list/${COUNTY}/RC-01`);
    const rows = page.locator('#history ~ .table-wrap tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain('抽查比例');
    expect(await rows.nth(0).textContent()).toContain('比例提高至10%');
    expect(await rows.nth(1).textContent()).toContain('首次发布');
    await page.getByRole('link', { name: '第 1 版' }).click();
    expect(await page.locator('.notice').textContent()).toContain('第 1 版');
    expect(await page.locator('dl.fields').textContent()).toContain('5%');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('when the legal review flow chart is opened, then it is drawn like an item’s chart, with its steps as text', async () => {
    const page = await context.newPage();
    await page.goto(`${t.url}/published/review-charts/${COUNTY}/standard`);
    expect(await page.getByRole('img', { name: REVIEW_CHART.title }).count()).toBe(1);
    expect(await page.locator('svg .flow-node').count()).toBe(REVIEW_CHART.nodes.length);
    expect(await page.locator('ol.flow-steps').textContent()).toContain('机关负责人协调决策');
  });

  it('when the flow chart is opened, then it is an SVG image with a name and the same flow written out as text', async () => {
    const page = await context.newPage();
    await page.goto(`${t.url}/published/flow-charts/${COUNTY}/L-001`);
    const chart = page.getByRole('img', { name: FLOW_CHART.title });
    expect(await chart.count()).toBe(1);
    expect(await page.locator('svg .flow-node').count()).toBe(FLOW_CHART.nodes.length);
    expect(await page.locator('svg .flow-edge').count()).toBe(FLOW_CHART.edges.length);
    const steps = page.locator('ol.flow-steps > li');
    expect(await steps.count()).toBe(FLOW_CHART.nodes.length);
    expect(await steps.first().textContent()).toContain('申请人提交申请');
    expect(await page.locator('ol.flow-steps').textContent()).toContain('不齐全时，');
    // drawn on the server: the boxes do not overlap
    const boxes = await page
      .locator('svg .flow-node')
      .evaluateAll((nodes) =>
        nodes.map((n) => (n as SVGGraphicsElement).getBBox()).map((b) => [b.x, b.y, b.width, b.height]),
      );
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) {
        const apart =
          a[0]! + a[2]! <= b[0]! || b[0]! + b[2]! <= a[0]! || a[1]! + a[3]! <= b[1]! || b[1]! + b[3]! <= a[1]!;
        expect(apart).toBe(true);
      }
  });

  it('when the service guide is read in English, then its fourteen fields are labelled', async () => {
    const page = await context.newPage();
    await page.goto(`${t.url}/published/service-guides/${COUNTY}/L-001?lang=en`);
    expect(await page.locator('dl.fields dt').count()).toBe(14);
    expect(await page.locator('dl.fields').textContent()).toContain('Accepting office');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
