import fs from 'node:fs';
import path from 'node:path';
import { PROBLEM_TYPES } from '../../src/http/problem-types.js';
import { startTestService, type TestService } from '../support/service.js';

const SRC = path.resolve(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/**
 * Every problem code the source can answer with, and its status: the classes of the error hierarchy, the rule
 * violations of the domain (`violation` 422, `conflict` 409, `RuleViolation(code, status)`), the problems built
 * directly, the server's answers to malformed HTTP, and the error handler's fallback for a failure (`internal`).
 */
function codesInSource(): Map<string, Set<number>> {
  const found = new Map<string, Set<number>>([['internal', new Set([500])]]);
  const add = (code: string, status: number) => found.set(code, (found.get(code) ?? new Set()).add(status));
  const patterns: [RegExp, (m: RegExpMatchArray) => void][] = [
    [
      /class \w+ extends (?:LedgerError|RuleViolation)\b[^{]*\{[^}]*?readonly code = '(\w+)';\s*readonly status = (\d{3})/g,
      (m) => add(m[1]!, Number(m[2])),
    ],
    [/\bRuleViolation\(\s*'(\w+)',\s*(\d{3})/g, (m) => add(m[1]!, Number(m[2]))],
    [/\bviolation\(\s*'(\w+)'/g, (m) => add(m[1]!, 422)],
    [/\bconflict\(\s*'(\w+)'/g, (m) => add(m[1]!, 409)],
    [/\bproblem\(\s*(\d{3}),\s*'(\w+)'/g, (m) => add(m[2]!, Number(m[1]))],
    [/\[(\d{3}), '(\w+)', [`']/g, (m) => add(m[2]!, Number(m[1]))],
    [/status === (\d{3}) \? '(\w+)'/g, (m) => add(m[2]!, Number(m[1]))],
    [/\brefuseUnprocessed\(\s*\w+,\s*\w+,\s*(\d{3}),\s*'(\w+)'/g, (m) => add(m[2]!, Number(m[1]))],
  ];
  for (const file of sourceFiles(SRC)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const [pattern, take] of patterns) for (const m of text.matchAll(pattern)) take(m);
  }
  return found;
}

let t: TestService;
beforeAll(async () => {
  t = await startTestService();
});
afterAll(() => t.stop());

describe('problem types', () => {
  it('when the source is searched for problem codes, then each has an entry with its status and a distinct title', () => {
    const codes = codesInSource();
    // the search finds what it must: a class, a domain rule, a direct problem, a server answer
    for (const code of [
      'config_invalid',
      'two_officers_required',
      'legal_review_required',
      'not_ready',
      'headers_too_large',
    ])
      expect(codes.has(code)).toBe(true);
    for (const [code, statuses] of codes) {
      expect([code, PROBLEM_TYPES[code] !== undefined]).toEqual([code, true]);
      expect([code, [...statuses]]).toEqual([code, [PROBLEM_TYPES[code]!.status]]);
    }
    // and the table describes no code the service never answers with
    expect(Object.keys(PROBLEM_TYPES).filter((code) => !codes.has(code))).toEqual([]);
    const titles = Object.values(PROBLEM_TYPES).map((p) => p.title);
    expect(new Set(titles).size).toBe(titles.length);
    for (const [code, p] of Object.entries(PROBLEM_TYPES)) {
      expect([code, p.title.length > 0, p.description.length > 20]).toEqual([code, true, true]);
    }
  });

  it('when every code is fetched at its type URI, then an HTML page describes it, and JSON when asked', async () => {
    for (const [code, p] of Object.entries(PROBLEM_TYPES)) {
      const page = await t.call('GET', `/problems/${code}`, { headers: { accept: 'text/html,*/*;q=0.8' } });
      expect([code, page.status, page.headers.get('content-type')]).toEqual([code, 200, 'text/html; charset=utf-8']);
      expect(page.body).toContain(`<code>${code}</code>`);
      expect(page.body).toContain(`<strong>${p.status}</strong>`);
      const json = await t.call('GET', `/problems/${code}`, { headers: { accept: 'application/json' } });
      expect(json.body).toEqual({ type: `/problems/${code}`, code, ...p });
    }
    const index = await t.call('GET', '/problems', { headers: { accept: 'application/json' } });
    expect(index.body.items.map((i: { code: string }) => i.code).sort()).toEqual(Object.keys(PROBLEM_TYPES).sort());
    expect((await t.call('GET', '/problems')).body).toContain('<a href="/problems/not_found">');
    const unknown = await t.call('GET', '/problems/no_such_code');
    expect([unknown.status, unknown.body.code, unknown.body.instance]).toEqual([
      404,
      'not_found',
      '/problems/no_such_code',
    ]);
    expect((await t.call('GET', '/problems/__proto__')).status).toBe(404);
  });

  it('when a request meets a problem, then its type resolves on the service to its code, its title is the code’s, its instance the path', async () => {
    const officer = t.token('alice', 'county-justice', ['officer']);
    const res = await t.call('GET', '/v1/cases/nothing-here?agency=county-justice', { token: officer });
    expect(res.body).toMatchObject({
      status: 404,
      code: 'not_found',
      type: '/problems/not_found',
      title: 'No such resource',
      instance: '/v1/cases/nothing-here',
    });
    const page = await fetch(new URL(res.body.type, `${t.url}/v1/cases/nothing-here`), {
      headers: { accept: 'application/json' },
    });
    expect(await page.json()).toMatchObject({ code: 'not_found', title: res.body.title, status: 404 });
    const anonymous = await t.call('POST', '/v1/cases', { body: {} });
    expect(anonymous.body).toMatchObject({
      code: 'unauthenticated',
      title: 'Authentication required',
      instance: '/v1/cases',
    });
  });
});
