import fs from 'node:fs';
import path from 'node:path';
import { routeTable } from '../../src/http/openapi.js';

const root = path.resolve(__dirname, '../..');
const HEADING = '## The plan, duty by duty';
/** The plan itself sits beside the repository (it is the source, not part of the software). */
const PLAN = path.resolve(root, '../shared/seed/three-systems-plan.zh.txt');
const STATUSES = ['Served', 'Served in part', 'Not served', 'Being built', 'Outside software'] as const;
const PATH = /^(?:src|test|projections|schemas|docs)\/[\w./-]+$/;

/** The section of docs/domain.md that maps the plan, duty by duty: from its heading to the next `## ` heading. */
function section(): string {
  const doc = fs.readFileSync(path.join(root, 'docs/domain.md'), 'utf8');
  const start = doc.indexOf(HEADING);
  if (start < 0) throw new Error(`docs/domain.md has no section "${HEADING}"`);
  const end = doc.indexOf('\n## ', start + HEADING.length);
  return doc.slice(start, end < 0 ? undefined : end);
}

/** The entries: the list items under the section's `### ` headings, each with its continuation lines joined. */
function entries(text: string): string[] {
  const body = text.slice(text.indexOf('\n### '));
  const found: string[] = [];
  for (const line of body.split('\n')) {
    if (line.startsWith('- ')) found.push(line.slice(2));
    else if (line.startsWith('  ') && found.length > 0) found[found.length - 1] += ` ${line.trim()}`;
  }
  return found;
}

/** The entry's standing: the first of the bold status words it contains. */
function statusOf(entry: string): string | undefined {
  const at = STATUSES.map((s) => ({ s, i: entry.indexOf(`**${s}.**`) })).filter((x) => x.i >= 0);
  return at.sort((a, b) => a.i - b.i)[0]?.s;
}
const codeSpans = (entry: string) => [...entry.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
const label = (entry: string) => entry.slice(0, 40);
/** Quotation marks of either kind and white space differ between the plan and the page, not the words. */
const plain = (text: string) => text.replace(/[\s"“”]/g, '');

describe('docs/domain.md maps the plan duty by duty', () => {
  const text = section();
  const all = entries(text);

  it('when the section is read, then it has an entry for each part of the plan that imposes duties', () => {
    for (const part of ['### 一 ', '### 二（一）', '### 二（二）', '### 二（三）', '### 三 ', '### 四 ']) {
      expect(text).toContain(part);
    }
    expect(all.length).toBeGreaterThan(40);
  });

  it('when an entry is read, then it says how far the duty is served, and one that is served names its tests', () => {
    for (const entry of all) {
      const status = statusOf(entry);
      expect({ entry: label(entry), status }).toEqual({ entry: label(entry), status: expect.any(String) });
      if (status === 'Served' || status === 'Served in part') {
        const tests = codeSpans(entry).filter((c) => /^test\/.+\.test\.ts$/.test(c));
        expect({ entry: label(entry), tests: tests.length > 0 }).toEqual({ entry: label(entry), tests: true });
      }
    }
  });

  it('when the section names a file, then the file exists in the repository', () => {
    const files = [...new Set(all.flatMap(codeSpans).filter((c) => PATH.test(c)))];
    expect(files.length).toBeGreaterThan(30);
    const missing = files.filter((file) => !fs.existsSync(path.join(root, file)));
    expect(missing).toEqual([]);
  });

  it('when a file is followed by names in brackets, then each name is in that file', () => {
    const absent: string[] = [];
    let checked = 0;
    for (const entry of all) {
      for (const m of entry.matchAll(/`([^`]+)`\s*\(((?:`[\w.]+`(?:,\s*)?)+)\)/g)) {
        const file = m[1]!;
        if (!PATH.test(file)) continue;
        const source = fs.readFileSync(path.join(root, file), 'utf8');
        for (const name of codeSpans(m[2]!)) {
          checked += 1;
          if (!new RegExp(`\\b${name.replace('.', '\\.')}\\b`).test(source)) absent.push(`${file}: ${name}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(30);
    expect(absent).toEqual([]);
  });

  it('when the section names an API route, then the service serves it', () => {
    const served = new Set(routeTable.map((r) => `${r.method.toUpperCase()} ${r.path}`));
    const named = all.flatMap(codeSpans).filter((c) => /^(GET|POST|PUT|PATCH|DELETE) \//.test(c));
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter((route) => !served.has(route))).toEqual([]);
  });

  it('when an entry quotes the plan, then every quoted fragment is the plan’s own words', () => {
    if (!fs.existsSync(PLAN)) {
      console.log(`the plan's quotes are not checked: ${PLAN} is not beside this checkout`);
      return;
    }
    const plan = plain(fs.readFileSync(PLAN, 'utf8'));
    const fragments = all.flatMap((entry) =>
      [...entry.matchAll(/「([^」]+)」/g)].flatMap((m) => m[1]!.split('…').filter((f) => f.length > 0)),
    );
    expect(fragments.length).toBeGreaterThan(40);
    expect(fragments.filter((f) => !plan.includes(plain(f)))).toEqual([]);
  });
});
