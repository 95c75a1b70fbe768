import { openCase, seedAgency, startTestService, type TestService } from '../support/service.js';

/**
 * A list's cursor goes on in that list only: given to another list (or forged), it is `400 invalid_query`, never
 * read as a place in the other list, where it would answer an empty page with no `next`, which a client syncing the
 * list takes for its end.
 */
const AGENCY = 'county-justice';

let t: TestService;
let officer: string;
let supervisor: string;

beforeAll(async () => {
  t = await startTestService();
  ({ officer } = await seedAgency(t, AGENCY));
  supervisor = t.token('sam', AGENCY, ['supervisor']);
  for (const caseId of ['fc-1', 'fc-2', 'fc-3']) expect((await openCase(t, officer, caseId)).status).toBe(201);
  expect((await t.call('GET', '/v1/ledger/checkpoint')).status).toBe(200);
  expect((await openCase(t, officer, 'fc-4')).status).toBe(201);
  expect((await t.call('GET', '/v1/ledger/checkpoint')).status).toBe(200);
  for (let i = 0; i < 2; i++) expect((await t.call('GET', '/v1/cases/fc-1', { token: officer })).status).toBe(200);
  await t.service.readModelsCaughtUp();
});
afterAll(() => t?.stop());

const LISTS: Record<string, { path: string; token?: () => string }> = {
  cases: { path: '/v1/cases', token: () => officer },
  officers: { path: `/v1/officers?agency=${AGENCY}` },
  checkpoints: { path: '/v1/ledger/checkpoints' },
  access: { path: '/v1/audit/access?caseId=fc-1', token: () => supervisor },
};

const page = (list: string, cursor?: string) => {
  const { path, token } = LISTS[list]!;
  const query = `limit=1${cursor === undefined ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;
  return t.call('GET', `${path}${path.includes('?') ? '&' : '?'}${query}`, token ? { token: token() } : {});
};

describe('cursors of one list given to another', () => {
  it("when each list is sent every other list's cursor, then 400 invalid_query; its own goes on", async () => {
    const cursors: Record<string, string> = {};
    for (const list of Object.keys(LISTS)) {
      const first = await page(list);
      expect([list, first.status, typeof first.body.next]).toEqual([list, 200, 'string']);
      cursors[list] = first.body.next;
    }
    const answers: string[] = [];
    for (const list of Object.keys(LISTS)) {
      for (const [from, cursor] of Object.entries(cursors)) {
        const res = await page(list, cursor);
        answers.push(`${list} <- ${from}: ${res.status} ${res.status === 200 ? '' : res.body.code}`.trim());
      }
    }
    expect(answers).toEqual(
      Object.keys(LISTS).flatMap((list) =>
        Object.keys(cursors).map((from) => `${list} <- ${from}: ${from === list ? '200' : '400 invalid_query'}`),
      ),
    );
  });

  it('when a cursor is forged in the shape of one, then 400 invalid_query', async () => {
    for (const forged of [[-5, 'x'], [1.5, 'fc-1'], ['fc-1']]) {
      const cursor = Buffer.from(JSON.stringify(forged)).toString('base64url');
      for (const list of ['cases', 'checkpoints', 'access']) {
        const res = await page(list, cursor);
        expect([list, forged, res.status, res.body.code]).toEqual([list, forged, 400, 'invalid_query']);
      }
    }
  });
});
