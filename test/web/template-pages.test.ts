import { decisionTemplateStream } from '../../src/domain/drafting/agency-templates.js';
import { DEFAULT_TEMPLATES } from '../../src/domain/drafting/default-templates.js';
import {
  AGENCY,
  at,
  DAY,
  openCase,
  page,
  recordAct,
  startScreensService,
  type ScreensFixture,
} from '../support/screens.js';

let f: ScreensFixture;

beforeAll(async () => {
  f = await startScreensService();
});
afterAll(() => f.t.stop());

/** Posts a URL-encoded form as a browser would, with an API token instead of a session (no JavaScript). */
async function post(path: string, token: string, form: Record<string, string>) {
  const res = await fetch(f.t.url + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { accept: 'text/html', authorization: `Bearer ${token}` },
    body: new URLSearchParams(form),
  });
  return { status: res.status, location: res.headers.get('location'), text: await res.text() };
}

const warningForm = (more: Record<string, string> = {}) => ({
  'template.title': '警告决定书',
  'template.sections.0.heading': '当事人',
  'template.sections.0.paragraphs': '{parties}',
  // a part left wholly empty is dropped, and the parts after it move up
  'template.sections.1.heading': '',
  'template.sections.1.paragraphs': '',
  'template.sections.2.heading': '决定',
  'template.sections.2.align': 'left',
  'template.sections.2.paragraphs': '依据{legalBasis}，本机关决定：{decision}\n\n{decidedOn}',
  'template.remedies.reviewBody': '某县人民政府',
  'template.remedies.reviewDays': '60',
  'template.remedies.court': '某县人民法院',
  'template.remedies.litigationMonths': '6',
  reason: '统一警告文书',
  ...more,
});

describe("the admin's decision template screens", () => {
  it('when an officer or nobody asks for the screens, then the officer is refused and nobody is sent to sign in', async () => {
    expect((await page(f, '/admin/decision-templates', f.alice)).status).toBe(403);
    const anonymous = await page(f, '/admin/decision-templates/fine');
    expect([anonymous.status, anonymous.headers.get('location')]).toEqual([
      303,
      '/signin?next=%2Fadmin%2Fdecision-templates%2Ffine',
    ]);
    expect((await post('/admin/decision-templates/fine', f.alice, warningForm())).status).toBe(403);
    expect((await page(f, '/admin/decision-templates/no_such_type', f.admin)).status).toBe(404);
  });

  it('when the admin posts the form without JavaScript, then the template recorded is the structured one typed', async () => {
    const bad = await post(
      '/admin/decision-templates/warning',
      f.admin,
      warningForm({ 'template.remedies.reviewDays': '六十' }),
    );
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('<a href="#f-template-remedies-reviewDays">“申请行政复议的期限（日）”应填写整数。</a>');
    // the template as a whole (a choice of structured or none) is not named besides what is wrong inside it
    expect(bad.text).not.toContain('须从列出的选项中选择');
    expect(await f.t.service.events.readStream(decisionTemplateStream(AGENCY, 'warning'))).toEqual([]);

    const saved = await post('/admin/decision-templates/warning', f.admin, warningForm());
    expect([saved.status, saved.location]).toEqual([
      303,
      expect.stringMatching(/^\/admin\/decision-templates\/warning\?saved=1&consistentWith=\d+$/),
    ]);
    const [recorded] = await f.t.service.events.readStream(decisionTemplateStream(AGENCY, 'warning'));
    expect(recorded!.event.data).toEqual({
      decisionType: 'warning',
      version: 1,
      reason: '统一警告文书',
      template: {
        title: '警告决定书',
        sections: [
          { heading: '当事人', paragraphs: ['{parties}'] },
          { heading: '决定', paragraphs: ['依据{legalBasis}，本机关决定：{decision}', '{decidedOn}'] },
        ],
        remedies: { reviewBody: '某县人民政府', reviewDays: 60, court: '某县人民法院', litigationMonths: 6 },
      },
    });
    // the history shows when it was recorded in the agency's local time (+08:00), not in UTC
    const history = (await page(f, '/admin/decision-templates/warning', f.admin)).text;
    const stamped = recorded!.event.recordedAt;
    expect(stamped).toMatch(/Z$/);
    const local = new Date(Date.parse(stamped) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
    expect(history).toContain(`<time datetime="${stamped}">${local} +08:00</time>`);
    expect(history).not.toMatch(/\d{2}:\d{2}:\d{2}Z</);
    const list = await page(f, '/admin/decision-templates?lang=en', f.admin);
    expect(list.text).toContain('template (version 1)');
    expect(list.text).toContain('Default template');
  });

  it("when an officer drafts a warning, then the draft page names the agency's template; after a reset, the default", async () => {
    await openCase(f, 'tp-1');
    await recordAct(f, f.alice, 'tp-1', {
      type: 'EvidenceCollected',
      occurredAt: at('09:30'),
      data: { description: '现场检查笔录' },
    });
    const form = {
      decisionType: 'warning',
      legalBasis: '《律师法》第五十条',
      documentNo: '县司罚〔2026〕5号',
      decidedOn: DAY,
    };
    // the form leads (303) to the draft's page, which names the template used
    const drafted = async (sent: Record<string, string>) => {
      const res = await post(`/cases/${AGENCY}/tp-1/draft`, f.alice, sent);
      expect(res.status).toBe(303);
      return page(f, res.location!, f.alice);
    };
    const own = await drafted(form);
    expect(own.status).toBe(200);
    expect(own.text).toContain('本机关模板（第 1 版）');

    const reset = await post('/admin/decision-templates/warning/reset', f.admin, { reason: '恢复默认' });
    expect([reset.status, reset.location]).toEqual([
      303,
      expect.stringMatching(/^\/admin\/decision-templates\/warning\?saved=2&consistentWith=\d+$/),
    ]);
    const screen = await page(f, '/admin/decision-templates/warning', f.admin);
    expect(screen.text).toContain('系统默认模板');
    expect(screen.text).toContain(`value="${DEFAULT_TEMPLATES.warning.title}"`);
    expect(screen.text).toContain('恢复默认模板');
    const byDefault = await drafted({ ...form, documentNo: '县司罚〔2026〕6号' });
    expect(byDefault.text).toContain('系统默认模板');
  });
});
