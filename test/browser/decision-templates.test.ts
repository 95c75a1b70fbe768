import { pdfText } from '../support/documents.js';
import { describeInBrowser, seriousViolations } from '../support/browser.js';
import { useScreensInBrowser } from '../support/screens-browser.js';
import { at, DAY, openCase, recordAct } from '../support/screens.js';

/** Generous: a busy 2-core machine; the waits only say "appears", never how fast. */
const WAIT = { timeout: 60_000 };

describeInBrowser("the agency's decision templates in Chromium (文书模板)", () => {
  const s = useScreensInBrowser();

  it("when the admin edits the fine template as fields, then it is saved as the agency's own and the next draft uses it", async () => {
    const { page } = await s.signIn(s.f.admin);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: '文书模板' }).click()]);
    expect(await page.locator('h1').textContent()).toBe('决定书模板');
    const fineRow = page.getByRole('row', { name: /^罚款/ });
    expect(await fineRow.getByRole('cell').first().textContent()).toBe('系统默认模板');
    expect(await seriousViolations(page)).toEqual([]);

    await Promise.all([page.waitForNavigation(), fineRow.getByRole('link', { name: '编辑' }).click()]);
    expect(await page.locator('h1').textContent()).toBe('编辑模板：罚款');
    expect(await page.getByLabel('文书标题').inputValue()).toBe('行政处罚决定书');
    expect(await seriousViolations(page)).toEqual([]);

    // a list placeholder inside a sentence is refused, in Chinese, with what was typed kept
    await page.getByLabel('文书标题').fill('司法行政处罚决定书');
    await page.locator('#f-template-sections-0-paragraphs').fill('当事人：{parties}');
    await page.getByLabel('修改理由').fill('本机关统一文书格式');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '保存为本机关模板' }).click()]);
    await page.locator('.error-summary').waitFor(WAIT);
    expect(await page.locator('.error-summary').textContent()).toContain('没有单独成段');
    expect(await page.getByLabel('文书标题').inputValue()).toBe('司法行政处罚决定书');
    expect(await seriousViolations(page)).toEqual([]);

    await page.locator('#f-template-sections-0-paragraphs').fill('{parties}');
    await page.locator('#f-template-sections-1-paragraphs').fill('经本局调查核实：{facts}');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '保存为本机关模板' }).click()]);
    await page.getByRole('status').waitFor(WAIT);
    expect(await page.getByRole('status').textContent()).toContain('已保存（第 1 版）');
    expect(await page.locator('main').textContent()).toContain('本机关模板（第 1 版）');
    expect(await page.getByRole('cell', { name: '本机关统一文书格式' }).count()).toBe(1);

    // the officer's next draft of a fine is made from the agency's template, and says so
    await openCase(s.f, 'tpl-1');
    const position = await recordAct(s.f, s.f.alice, 'tpl-1', {
      type: 'OnSiteInspectionRecorded',
      occurredAt: at('09:00'),
      data: { location: '律所', findings: '未公示执业信息', credentialsShown: true, partyNotified: true },
    });
    const drafted = await s.f.t.call('POST', `/v1/cases/tpl-1/drafts?consistentWith=${position}`, {
      token: s.f.alice,
      body: {
        decisionType: 'fine',
        fineFen: 100_000,
        legalBasis: '《律师法》第五十条',
        documentNo: '县司罚〔2026〕3号',
        decidedOn: DAY,
      },
    });
    expect([drafted.status, drafted.body.template]).toEqual([
      201,
      { source: 'agency', agency: 'county-justice', version: 1 },
    ]);
    const pdf = await fetch(s.f.t.url + drafted.body.pdf.href, { headers: { authorization: `Bearer ${s.f.alice}` } });
    const text = pdfText(Buffer.from(await pdf.arrayBuffer()));
    expect(text).toContain('司法行政处罚决定书');
    expect(text).toContain('经本局调查核实：未公示执业信息');
  });
});
