import fs from 'node:fs';
import path from 'node:path';
import { tour } from '../../packages/client/examples/tour.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';

const ROOT = path.resolve(__dirname, '../..');
const AGENCY = 'county-justice';
let t: TestService;

beforeAll(async () => {
  t = await startTestService();
  await seedAgency(t, AGENCY); // the officers alice and bob, the item P-001, as scripts/tour.sh registers them
});
afterAll(() => t.stop());

describe("the typed client's tour (packages/client/examples/tour.ts)", () => {
  it('when the tour runs against a service, then the case is opened, the act recorded and read back, the bundle exported and verified and the feed pulled', async () => {
    const result = await tour(t.url, {
      officer: t.token('alice', AGENCY, ['officer']),
      integration: t.token('case-system', AGENCY, ['integration']),
    });
    expect(result.timeline).toEqual(['CaseOpened', 'OnSiteInspectionRecorded']);
    expect(result.bundleBytes).toBeGreaterThan(1024);
    expect(result.bundleValid).toBe(true);
    const types = result.feed.events.map((e) => e.event.type);
    expect(types).toEqual(['OnSiteInspectionRecorded']);
    expect(result.feed.events[0]!.event.stream).toContain(result.caseId);
  });

  it('when the README shows the tour in TypeScript, then it is the example file, verbatim', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const example = fs.readFileSync(path.join(ROOT, 'packages/client/examples/tour.ts'), 'utf8');
    const shown = /<!-- client-tour:start -->\n\n```ts\n([\s\S]*?)```\n\n<!-- client-tour:end -->/.exec(readme)?.[1];
    expect(shown).toBe(example);
  });
});
