import {
  MAX_WINDOWS,
  scoreOf,
  similarCases,
  similarityMatch,
  type SimilarCaseSource,
} from '../../src/app/similar-cases.js';
import { SqliteReadModelStore } from '../../src/adapters/sqlite/read-model-store.js';
import { caseKey } from '../../projections/case-files.js';
import type { Doc, Projection, Query, SearchHit } from '../../src/ports/read-models.js';

/** The phrases of a MATCH expression, unquoted. */
const phrases = (match: string | undefined) =>
  (match ?? '').split(' OR ').map((p) => {
    expect(p).toMatch(/^".*"$/);
    return p.slice(1, -1).replaceAll('""', '"');
  });

describe('the similar-case MATCH expression', () => {
  it('when given Chinese text, then it is each distinct three-character window as a quoted phrase, joined with OR', () => {
    expect(similarityMatch(['律师事务所'])).toBe('"律师事" OR "师事务" OR "事务所"');
    expect(phrases(similarityMatch(['未按规定公示执业信息']))).toEqual([
      '未按规',
      '按规定',
      '规定公',
      '定公示',
      '公示执',
      '示执业',
      '执业信',
      '业信息',
    ]);
  });

  it('when a window repeats, within a text or across texts, or differs only in letter case, then it appears once', () => {
    expect(phrases(similarityMatch(['哈哈哈哈哈', '哈哈哈']))).toEqual(['哈哈哈']);
    expect(phrases(similarityMatch(['某律所案', '某律所', 'ABC abc']))).toEqual(['某律所', '律所案', 'ABC']);
  });

  it('when a window holds whitespace, a control character or FTS5 syntax, then it is skipped', () => {
    expect(phrases(similarityMatch(['执业信 息']))).toEqual(['执业信']);
    expect(similarityMatch(['执业 信息'])).toBeUndefined();
    expect(phrases(similarityMatch(['第五十条\n律师法']))).toEqual(['第五十', '五十条', '律师法']);
    expect(phrases(similarityMatch(['P-001']))).toEqual(['001']);
    for (const syntax of ['*', '^', '(', ')', ':', '+', '{', '}', '\t', '\u0000']) {
      expect([syntax, similarityMatch([`甲${syntax}乙`])]).toEqual([syntax, undefined]);
    }
  });

  it('when a window holds a double quote, then the quote is doubled inside the phrase', () => {
    expect(similarityMatch(['某"案"'])).toBe('"某""案" OR """案"""');
    expect(phrases(similarityMatch(['某"案"']))).toEqual(['某"案', '"案"']);
  });

  it('when a character lies outside the BMP, then it counts as one character of a window', () => {
    expect(phrases(similarityMatch(['𠀀律师所']))).toEqual(['𠀀律师', '律师所']);
  });

  it('when there are more windows than the cap, then it keeps the cap, the earlier texts first', () => {
    const long = Array.from({ length: 200 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
    const all = phrases(similarityMatch([long]));
    expect(all).toHaveLength(MAX_WINDOWS);
    expect(all[0]).toBe(long.slice(0, 3));
    const title = '某律师事务所未公示执业信息案';
    const capped = phrases(similarityMatch([title, long], 10));
    expect(capped).toHaveLength(10);
    expect(capped.slice(0, 10)).toEqual(Array.from({ length: 10 }, (_, i) => title.slice(i, i + 3)));
    expect(phrases(similarityMatch(['甲乙', long], 3))).toEqual([long.slice(0, 3), long.slice(1, 4), long.slice(2, 5)]);
  });

  it('when run by SQLite FTS5 with the trigram tokenizer, then every expression parses and finds the windows', () => {
    const projection: Projection = {
      name: 'texts',
      version: 1,
      collections: [{ name: 'texts', indexes: ['n'], text: (doc) => String(doc.body) }],
      apply: () => [],
    };
    const store = new SqliteReadModelStore({ path: ':memory:', projections: [projection] });
    try {
      const bodies = ['某"案"件', '《律师法》第五十条', 'P-001 (a*b) {c}: d^e +f', '未按规定公示执业信息', "it's 律所"];
      store.commit(
        bodies.map((body, n) => ({ collection: 'texts', key: `t${n}`, doc: { n, body } })),
        1,
      );
      for (const [n, body] of bodies.entries()) {
        const match = similarityMatch([body]);
        expect(match).toBeDefined();
        const hits = store.search('texts', match!, { limit: 10 });
        expect([body, hits[0]?.key]).toEqual([body, `t${n}`]);
      }
      const none = similarityMatch(['完全无关的文字']);
      expect(store.search('texts', none!, { limit: 10 })).toEqual([]);
    } finally {
      store.close();
    }
  });

  it('when there is no text, or none long enough, then there is no query', () => {
    expect(similarityMatch([])).toBeUndefined();
    expect(similarityMatch([''])).toBeUndefined();
    expect(similarityMatch(['案件', '  ', '\n\n\n'])).toBeUndefined();
  });
});

describe('similar cases over a read-model store', () => {
  const decided = (caseId: string, agency = 'county-justice'): Doc => ({
    caseId,
    agency,
    title: `案件${caseId}`,
    itemCode: 'P-001',
    itemName: '未按规定公示执业信息',
    status: 'decided',
    decision: {
      decisionType: 'warning',
      fineFen: 0,
      legalBasis: '《律师法》第五十条',
      decidedOn: '2026-03-02',
      documentNo: `县司罚〔2026〕${caseId}号`,
    },
    audit: { decided: true },
  });

  /**
   * A store answering with fixed hits among the case texts (each hit's document the decided case's row, which the
   * store also answers for its key), recording what it was asked.
   */
  function fakeStore(hits: SearchHit<Doc>[]) {
    const asked: { collection: string; match: string; options: { where?: Query['where']; limit: number } }[] = [];
    const rows = new Map(hits.map((hit) => [caseKey(String(hit.doc.agency), String(hit.doc.caseId)), hit.doc]));
    return {
      asked,
      search<D extends Doc>(collection: string, match: string, options: { where?: Query['where']; limit: number }) {
        asked.push({ collection, match, options });
        return hits.slice(0, options.limit) as unknown as SearchHit<D>[];
      },
      get<D extends Doc>(collection: string, key: string) {
        return (collection === 'cases' ? rows.get(key) : undefined) as D | undefined;
      },
    };
  }

  const source: SimilarCaseSource = {
    caseId: 'c-0',
    agency: 'county-justice',
    title: '某律师事务所未公示执业信息案',
    findings: ['未在官网公示律师名单'],
  };

  it('when searched, then it asks the case texts for decided cases in scope, the title and findings first', () => {
    const store = fakeStore([]);
    expect(
      similarCases(store, source, { scope: ['county-justice', 'town-justice'], limit: 5, text: '某街道' }),
    ).toEqual([]);
    expect(store.asked).toEqual([
      {
        collection: 'case_texts',
        match: expect.any(String),
        options: { where: { agency: ['county-justice', 'town-justice'], decided: true }, limit: 6 },
      },
    ]);
    const asked = phrases(store.asked[0]!.match);
    expect(asked.slice(0, 3)).toEqual(['某律师', '律师事', '师事务']);
    expect(asked).toEqual(expect.arrayContaining(['官网公', '某街道']));
    expect(asked.indexOf('官网公')).toBeLessThan(asked.indexOf('某街道'));
  });

  it('when the case itself is among the hits, then it is left out and the others keep their order and limit', () => {
    const store = fakeStore([
      { key: 'c-1', doc: decided('c-1'), rank: -2.5 },
      { key: 'c-0', doc: decided('c-0'), rank: -2.0 },
      { key: 'c-2', doc: decided('c-2', 'town-justice'), rank: -1.23456 },
      { key: 'c-3', doc: decided('c-3'), rank: -0.5 },
    ]);
    const similar = similarCases(store, source, { scope: ['county-justice', 'town-justice'], limit: 2 });
    expect(similar.map((s) => [s.caseId, s.agency, s.score])).toEqual([
      ['c-1', 'county-justice', 2.5],
      ['c-2', 'town-justice', 1.235],
    ]);
    expect(similar[0]).toEqual({
      caseId: 'c-1',
      agency: 'county-justice',
      title: '案件c-1',
      itemCode: 'P-001',
      itemName: '未按规定公示执业信息',
      status: 'decided',
      decision: {
        decisionType: 'warning',
        fineFen: 0,
        legalBasis: '《律师法》第五十条',
        decidedOn: '2026-03-02',
        documentNo: '县司罚〔2026〕c-1号',
      },
      score: 2.5,
    });
  });

  it('when the scope is empty or the case has no text, then nothing is searched', () => {
    const store = fakeStore([{ key: 'c-1', doc: decided('c-1'), rank: -1 }]);
    expect(similarCases(store, source, { scope: [], limit: 5 })).toEqual([]);
    expect(
      similarCases(
        store,
        { caseId: 'c-9', agency: 'county-justice', title: '案' },
        { scope: ['county-justice'], limit: 5 },
      ),
    ).toEqual([]);
    expect(store.asked).toEqual([]);
  });

  it('when BM25 ranks are turned into scores, then higher is closer and never negative', () => {
    expect(scoreOf(-3.14159)).toBe(3.142);
    expect(scoreOf(-0.000001234567)).toBe(0.000001235);
    expect(scoreOf(0)).toBe(0);
    expect(scoreOf(1)).toBe(0);
    expect(scoreOf(-2)).toBeGreaterThan(scoreOf(-1));
  });
});
