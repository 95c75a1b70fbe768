import { EVALUATION_POINTS, MAX_POINT_SCORE } from '../../src/domain/case/evaluation.js';
import { browse, csrfOf, Jar } from '../support/portal-session.js';
import { AGENCY, DAY, at, openCase, recordAct, startScreensService, type ScreensFixture } from '../support/screens.js';

// The evaluation form of a closed case file (案卷评查): what it shows when it first opens, when it comes back
// refused, and when the supervisor amends their own evaluation.

let f: ScreensFixture;
let jar: Jar;
const CASE = 'ev-1';
const PATH = `/cases/${AGENCY}/${CASE}/evaluate`;

beforeAll(async () => {
  f = await startScreensService();
  await openCase(f, CASE);
  await recordAct(f, f.alice, CASE, {
    type: 'DecisionIssued',
    occurredAt: at('10:00'),
    data: {
      decisionType: 'warning',
      legalBasis: '《律师法》第五十条',
      documentNo: '县司告〔2026〕9号',
      decidedOn: DAY,
    },
  });
  await recordAct(f, f.alice, CASE, { type: 'DecisionDisclosed', occurredAt: at('11:00'), data: { publishedOn: DAY } });
  await recordAct(f, f.alice, CASE, { type: 'CaseClosed', occurredAt: at('11:30'), data: { closedOn: DAY } });
  await f.t.service.readModelsCaughtUp();
  jar = new Jar();
  expect((await browse(f.t.url, jar, '/signin/dev', { form: { token: f.sam } })).res.status).toBe(303);
}, 60_000);
afterAll(() => f.t.stop());

const valueOf = (text: string, name: string) =>
  new RegExp(`name="${name.replace(/\./g, '\\.')}"\\s+value="([^"]*)"`).exec(text)?.[1];

/** Sends the form as shown, with `changes` over what it shows. */
async function send(changes: Record<string, string>) {
  const shown = await browse(f.t.url, jar, PATH);
  const form: Record<string, string> = { _csrf: csrfOf(shown.text), reason: '' };
  for (const p of EVALUATION_POINTS) {
    form[`scores.${p}.score`] = valueOf(shown.text, `scores.${p}.score`)!;
    form[`scores.${p}.comment`] = valueOf(shown.text, `scores.${p}.comment`)!;
  }
  return browse(f.t.url, jar, PATH, { form: { ...form, ...changes } });
}

describe('the evaluation form of a closed case file', () => {
  it('when it first opens, then every point shows full marks and no comment', async () => {
    const { res, text } = await browse(f.t.url, jar, PATH);
    expect(res.status).toBe(200);
    for (const p of EVALUATION_POINTS) {
      expect({ p, score: valueOf(text, `scores.${p}.score`) }).toEqual({ p, score: String(MAX_POINT_SCORE) });
    }
  });

  it('when a score was emptied and the form is refused, then the field comes back empty, not at full marks', async () => {
    const { res, text } = await send({ 'scores.factsClear.score': '', 'scores.procedureLawful.score': '7' });
    expect(res.status).toBe(400);
    expect(valueOf(text, 'scores.factsClear.score')).toBe('');
    // left empty: asked for, not called a number written wrong
    expect(text).toMatch(/<a href="#f-scores-factsClear-score">请填写“[^”]+”。<\/a>/);
    expect(valueOf(text, 'scores.procedureLawful.score')).toBe('7');
    // the deduction left without its comment is named at once too, not after the score is put right
    expect(text).toContain('<a href="#f-scores-procedureLawful-comment">');
  });

  it('when several points lose marks without a comment, then the refusal names each at its own comment box', async () => {
    const { res, text } = await send({ 'scores.factsClear.score': '6', 'scores.documentsComplete.score': '8' });
    expect(res.status).toBe(422);
    const summary = /<div class="error-summary"[\s\S]*?<\/div>/.exec(text)?.[0] ?? '';
    expect(summary).toContain('<a href="#f-scores-factsClear-comment">“案件事实清楚”扣分须填写说明。</a>');
    expect(summary).toContain('<a href="#f-scores-documentsComplete-comment">“执法文书完备规范”扣分须填写说明。</a>');
    // in the points' order, the form's order
    expect(summary.indexOf('factsClear')).toBeLessThan(summary.indexOf('documentsComplete'));
    // nothing recorded: the form still opens at full marks
    expect(valueOf((await browse(f.t.url, jar, PATH)).text, 'scores.factsClear.score')).toBe(String(MAX_POINT_SCORE));
  });

  it('when the supervisor opens the form again after evaluating, then it shows their own scores and comments to amend', async () => {
    const recorded = await send({
      'scores.procedureLawful.score': '7',
      'scores.procedureLawful.comment': '告知时间未记录',
    });
    expect(recorded.res.status).toBe(303);
    const again = await browse(f.t.url, jar, recorded.res.headers.get('location')!);
    expect(valueOf(again.text, 'scores.procedureLawful.score')).toBe('7');
    expect(valueOf(again.text, 'scores.procedureLawful.comment')).toBe('告知时间未记录');
    expect(valueOf(again.text, 'scores.factsClear.score')).toBe(String(MAX_POINT_SCORE));
    // another supervisor of the agency starts from full marks: the form is each one's own
    const other = new Jar();
    const sue = f.t.token('sue', AGENCY, ['supervisor']);
    expect((await browse(f.t.url, other, '/signin/dev', { form: { token: sue } })).res.status).toBe(303);
    const theirs = await browse(f.t.url, other, PATH);
    expect(valueOf(theirs.text, 'scores.procedureLawful.score')).toBe(String(MAX_POINT_SCORE));
    // and the case page offers each what their evaluation stands at: to amend it, or to evaluate
    const link = (text: string) => new RegExp(`<a href="${PATH}">([^<]+)</a>`).exec(text)?.[1];
    expect(link((await browse(f.t.url, jar, `/cases/${AGENCY}/${CASE}`)).text)).toBe('修改本人的评查');
    expect(link((await browse(f.t.url, other, `/cases/${AGENCY}/${CASE}`)).text)).toBe('评查本案卷');
  });

  it('when the case file is not closed, then the page says only closed files are evaluated, and shows no form', async () => {
    await openCase(f, 'ev-open');
    await f.t.service.readModelsCaughtUp();
    const { res, text } = await browse(f.t.url, jar, `/cases/${AGENCY}/ev-open/evaluate`);
    expect(res.status).toBe(200);
    expect(text).toContain('只能评查已结案的案卷。');
    expect(text).not.toContain('name="scores.factsClear.score"');
  });
});
