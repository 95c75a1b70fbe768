import type { PublicStatistics } from '../../../src/app/public-statistics.js';
import { html } from '../../../src/web/html.js';
import { translator } from '../../../src/web/i18n.js';
import { agencyNameIn, type PageContext } from '../../../src/web/layout.js';
import { evaluationsSection } from '../../../src/web/pages/statistics-evaluations.js';
import { agencyName, personShown } from '../../../src/web/pages/labels.js';

// How the pages name agencies and people: by the names the registry holds, once per page, else by their codes.

const NAMES = new Map([['county-justice', '某县司法局']]);

function context(locale: 'zh-CN' | 'en', lookups = { agencies: 0, people: 0 }): PageContext {
  const names = agencyNameIn(() => {
    lookups.agencies += 1;
    return NAMES;
  });
  return {
    ...translator(locale),
    agencyName: names,
    personName: (agency: string, sub: string) => {
      lookups.people += 1;
      return agency === 'county-justice' && sub === 'zhangwei' ? '张伟' : undefined;
    },
  } as unknown as PageContext;
}

describe("agencies' and people's names on the pages", () => {
  it('when a page names agencies, then the names are read once for the page, and an agency without one is its code', () => {
    const lookups = { agencies: 0, people: 0 };
    const ctx = context('zh-CN', lookups);
    expect([
      agencyName(ctx, 'county-justice'),
      agencyName(ctx, 'city-market'),
      agencyName(ctx, 'county-justice'),
    ]).toEqual(['某县司法局', 'city-market', '某县司法局']);
    expect(lookups.agencies).toBe(1);
    // a context without the lookup (a page rendered apart from the portal) shows codes
    expect(agencyName({}, 'county-justice')).toBe('county-justice');
  });

  it('when a page names a person, then 姓名（编号） for one on the officer list (English brackets in English), else the id', () => {
    expect(personShown(context('zh-CN'), 'county-justice', 'zhangwei')).toBe('张伟（zhangwei）');
    expect(personShown(context('en'), 'county-justice', 'zhangwei')).toBe('张伟 (zhangwei)');
    expect(personShown(context('zh-CN'), 'city-market', 'zhangwei')).toBe('zhangwei');
  });

  it("when the yearly statistics list evaluations by item over several agencies, then each item is its code and its agency's name", () => {
    const scores = { evaluations: 1, points: 80, maxPoints: 100, averageScore: 80 };
    const stats = {
      year: 2026,
      figures: {
        caseFileEvaluations: {
          evaluations: 2,
          cases: 2,
          byRule: {},
          byItem: { 'county-justice/P-002': scores, 'city-market/S-1': scores },
        },
      },
    } as unknown as PublicStatistics;
    const text = String(html`${evaluationsSection(context('zh-CN'), stats)}`);
    expect(text).toContain('<td>P-002 · 某县司法局</td>');
    expect(text).toContain('<td>S-1 · city-market</td>');
  });
});
