import { EVALUATION_POINTS, MAX_POINT_SCORE } from '../../../src/domain/case/evaluation.js';
import { weakPoints, type AgencyEvaluation } from '../../../src/domain/case/evaluation-figures.js';
import { PortalAssets } from '../../../src/web/assets.js';
import { html } from '../../../src/web/html.js';
import { translator } from '../../../src/web/i18n.js';
import type { PageContext } from '../../../src/web/layout.js';
import { columnTable, sheetOf, type TableColumn } from '../../../src/web/pages/data-table.js';
import { weakPointsSheet } from '../../../src/web/pages/quality.js';
import { majorDecisionsColumns } from '../../../src/web/pages/supervise.js';
import { SHEET_ROWS, sheetRowsAsOf, sheetRowsOf } from '../../../src/web/pages/supervision-screen.js';

const ctx = (locale: 'zh-CN' | 'en', names: Record<string, string> = {}): PageContext => ({
  ...translator(locale),
  path: '/supervise',
  query: new URLSearchParams(),
  assets: new PortalAssets(),
  agencyName: (code) => names[code] ?? code,
  personName: (_agency, sub) => (sub === 'alice' ? '张伟' : undefined),
});

/** A paged list of `total` numbered rows, as the supervision reads page them; the pages asked for are kept. */
function pagedList(total: number) {
  const asked: { limit: number; after?: string }[] = [];
  const read = async (paging: { limit: number; after?: string }) => {
    asked.push(paging);
    const from = paging.after === undefined ? 0 : Number(paging.after);
    const items = Array.from({ length: Math.max(0, Math.min(paging.limit, total - from)) }, (_, i) => from + i);
    const end = from + items.length;
    return end < total ? { items, next: String(end) } : { items };
  };
  return { read, asked };
}

describe("a supervision list's spreadsheet", () => {
  it('when the list is longer than a page, then every row is read from the first, in order, a page of 200 at a time', async () => {
    const { read, asked } = pagedList(450);
    const { rows, cut } = await sheetRowsOf(read);
    expect(cut).toBe(false);
    expect(rows).toEqual(Array.from({ length: 450 }, (_, i) => i));
    expect(asked.map((p) => p.after)).toEqual([undefined, '200', '400']);
  });

  it('when the list is longer than the sheet holds, then it stops at the cap and says it was cut; exactly the cap is whole', async () => {
    const long = await sheetRowsOf(pagedList(SHEET_ROWS + 1).read);
    expect([long.rows.length, long.cut]).toEqual([SHEET_ROWS, true]);
    const exact = await sheetRowsOf(pagedList(SHEET_ROWS).read);
    expect([exact.rows.length, exact.cut]).toEqual([SHEET_ROWS, false]);
    const none = await sheetRowsOf(pagedList(0).read);
    expect([none.rows, none.cut]).toEqual([[], false]);
  });

  it("when a list judged on a day is read whole, then every page after the first is judged on the first one's day", async () => {
    const days: (string | undefined)[] = [];
    const { read } = pagedList(450);
    const { rows } = await sheetRowsAsOf(undefined, async (day, paging) => {
      days.push(day);
      return { ...(await read(paging)), asOf: '2026-12-06' };
    });
    expect(rows).toHaveLength(450);
    expect(days).toEqual([undefined, '2026-12-06', '2026-12-06']);
    const asked: (string | undefined)[] = [];
    await sheetRowsAsOf('2030-01-01', async (day, paging) => {
      asked.push(day);
      return { ...(await read(paging)), asOf: day! };
    });
    expect(asked).toEqual(['2030-01-01', '2030-01-01', '2030-01-01']);
  });

  it('when a table is shown and downloaded, then the page shows the text the sheet holds, marked up where a column says', () => {
    type Row = { id: string; fen: number };
    const columns: TableColumn<Row>[] = [
      { head: 'case.caseId', text: (r) => r.id, cell: (r) => html`<a href="/cases/${r.id}">${r.id}</a>` },
      { head: 'quality.fine', text: (r) => `¥${r.fen / 100}`, className: (r) => (r.fen > 0 ? 'bad' : undefined) },
    ];
    const rows = [
      { id: 'a<1', fen: 500 },
      { id: 'b', fen: 0 },
    ];
    expect(sheetOf(ctx('zh-CN'), columns, rows)).toEqual([
      ['案件编号', '罚款'],
      ['a<1', '¥5'],
      ['b', '¥0'],
    ]);
    const page = columnTable(ctx('zh-CN'), columns, rows).toString();
    expect(page).toContain('<td><a href="/cases/a&lt;1">a&lt;1</a></td>');
    const plain = columnTable(ctx('zh-CN'), [columns[1]!], rows).toString();
    expect(plain).toContain('<td class="bad">¥5</td>');
    expect(plain).toContain('<td>¥0</td>');
    expect(columnTable(ctx('zh-CN'), columns, []).toString()).toContain(
      `<p>${translator('zh-CN').t('public.none')}</p>`,
    );
  });
});

describe("the weak points' spreadsheet", () => {
  const scores = (low: (typeof EVALUATION_POINTS)[number]) =>
    Object.fromEntries(
      EVALUATION_POINTS.map((p) => [p, p === low ? { score: 5, comment: '不足' } : { score: MAX_POINT_SCORE }]),
    ) as AgencyEvaluation['scores'];
  const evaluation = (agency: string, officer: string): AgencyEvaluation => ({
    agency,
    caseId: `c-${agency}-${officer}`,
    itemCode: 'P-001',
    officers: [officer],
    closedOn: '2026-03-01',
    evaluator: 'sam',
    scores: scores('procedureLawful'),
    total: MAX_POINT_SCORE * EVALUATION_POINTS.length - 5,
    maxTotal: MAX_POINT_SCORE * EVALUATION_POINTS.length,
  });

  it("when the year's evaluations are downloaded, then a row per tally names its table, what it tallies and its figures", () => {
    const figures = weakPoints([evaluation('county', 'alice'), evaluation('city', 'bob')]);
    // the county's item has a name on its list; the city's is known by its code only
    const byItem = figures.byItem.map((i) => (i.agency === 'county' ? { ...i, itemName: '未按规定公示执业信息' } : i));
    const weak = { year: 2026, agencies: ['county', 'city'], ...figures, byItem };
    const sheet = weakPointsSheet(ctx('zh-CN', { county: '某县司法局' }), weak);
    expect(sheet[0]).toEqual(['汇总方式', '评查要点、执法事项或执法人员', '得分率', '得分 / 满分', '扣分项', '评查数']);
    const tables = sheet.slice(1).map((r) => r[0]);
    expect(tables.filter((t) => t === '按评查要点')).toHaveLength(EVALUATION_POINTS.length);
    // the weakest rule first; over two agencies each item and officer names its agency, by name where it has one
    expect(sheet[1]![1]).toBe(translator('zh-CN').t('form.check.procedureLawful'));
    const named = sheet.filter((r) => r[0] !== '按评查要点').map((r) => r[1]);
    expect(named).toEqual(
      expect.arrayContaining([
        '未按规定公示执业信息（P-001） · 某县司法局',
        'P-001 · city',
        '张伟（alice） · 某县司法局',
      ]),
    );
    expect(sheet.every((r) => r.length === 6)).toBe(true);
  });

  it('when the year has no evaluation, then the sheet is its heads alone, as the page says there is none', () => {
    const weak = { year: 2025, agencies: ['county'], ...weakPoints([]) };
    const sheet = weakPointsSheet(ctx('zh-CN'), weak);
    expect(sheet).toHaveLength(1);
    expect(sheet[0]![0]).toBe('汇总方式');
  });
});

describe("the major decisions' table", () => {
  it('when a decision was settled by coordination, then its row names the reviewer, the coordinator and who recorded the decision, and the sheet gives the fine as yuan', () => {
    const row = {
      caseId: 'c-1',
      agency: 'county',
      itemCode: 'P-001',
      decision: {
        eventId: 'e',
        decisionType: 'fine',
        fineFen: 6_000_000,
        decidedOn: '2026-06-01',
        documentNo: 'n',
        legalBasis: 'x',
        recordedBy: 'alice',
      },
      matchedApprovedReview: false,
      clearedBy: 'coordination',
      legalBasisAsReviewed: false,
      reviews: [
        {
          eventId: 'r',
          occurredAt: '2026-05-30T09:00:00+08:00',
          reviewer: 'rita',
          outcome: 'rejected',
          proposal: { decisionType: 'fine', fineFen: 6_000_000, legalBasis: 'x' },
          checks: {},
          resolution: 'proposal_upheld',
          coordinator: 'head',
        },
      ],
    } as unknown as Parameters<ReturnType<typeof majorDecisionsColumns>[number]['text']>[0];
    const zh = ctx('zh-CN');
    const cells = majorDecisionsColumns(zh).map((c) => c.text(row));
    expect(cells.join(' | ')).toContain('审核不通过（rita），协调决定：head；决定记录人：张伟');
    expect(cells.join(' | ')).toContain('决定适用的法律依据与审核时不同');
    const sheet = sheetOf(zh, majorDecisionsColumns(zh), [row]);
    expect(sheet[0]).toContain('罚款金额（元）');
    expect(sheet[1]![sheet[0]!.indexOf('罚款金额（元）')]).toBe('60000.00');
  });
});
