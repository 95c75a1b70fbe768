import type { AccessLog, ListingEntry } from '../../../src/app/access-log.js';
import type { Principal } from '../../../src/app/auth.js';
import { CaseFileReads } from '../../../src/app/case-file-reads.js';
import { CaseReads, type Retrieval } from '../../../src/app/case-reads.js';
import { LedgerError } from '../../../src/errors.js';
import type { Doc, Page, Query, ReadModelStore } from '../../../src/ports/read-models.js';
import { CASES, caseKey } from '../../../projections/case-files.js';

const officer = (agency: string): Principal => ({ sub: 'ann', agency, roles: ['officer'], supervises: [] });

function files(stored: Record<string, Doc>, options: { caughtUp?: boolean; rows?: Doc[] } = {}) {
  const steps: string[] = [];
  const queries: Query[] = [];
  const listings: ListingEntry[] = [];
  const access = {
    record: async (entry: { agency: string }) => void steps.push(`record ${entry.agency}`),
    denied: async () => void steps.push('denied'),
    listed: async (entry: ListingEntry) => void (steps.push(`listed ${entry.action}`), listings.push(entry)),
  } as unknown as AccessLog;
  const readModels = {
    get: (collection: string, key: string) => (
      steps.push(`get ${key}`),
      collection === CASES ? stored[key] : undefined
    ),
    query: <D extends Doc>(_collection: string, query: Query): Page<D> => (
      queries.push(query),
      { items: (options.rows ?? []) as D[] }
    ),
  } as unknown as ReadModelStore;
  const reads = new CaseFileReads({
    readModels,
    runner: {
      position: () => 1,
      waitFor: async (position) => (steps.push(`wait ${position}`), options.caughtUp ?? true),
    },
    reads: new CaseReads(access),
    today: () => '2019-10-08',
  });
  return { reads, steps, queries, listings };
}

const retrieval = (caseId: string, principal = officer('a')): Retrieval => ({
  principal,
  caseId,
  action: 'read_case',
  requestId: 'r1',
});

const file = {
  id: caseKey('a', 'c-1'),
  caseId: 'c-1',
  agency: 'a',
  revision: 3,
  state: { reviewPending: false },
  checks: { recordingActs: 0, gaps: [], served: false },
  searchChars: 0,
};

describe('case file reads', () => {
  it("when a case file is read, then it is the case's row and its acts, without the working state the row is kept with", async () => {
    const { reads, queries } = files({ [caseKey('a', 'c-1')]: file });
    const served = await reads.file(retrieval('c-1'));
    expect(served).toEqual({
      id: caseKey('a', 'c-1'),
      caseId: 'c-1',
      agency: 'a',
      revision: 3,
      timeline: [],
      media: [],
      evidence: [],
    });
    expect(queries).toEqual([expect.objectContaining({ keyPrefix: `${caseKey('a', 'c-1')}/` })]);
  });

  it("when a write's position is given, then the read waits for it, then finds the case, then records the read", async () => {
    const { reads, steps } = files({ [caseKey('a', 'c-1')]: file });
    await reads.file({ ...retrieval('c-1'), consistentWith: 12 });
    expect(steps).toEqual(['wait 12', `get ${caseKey('a', 'c-1')}`, 'record a']);
  });

  it('when the read models do not reach the position in time, then the read is 503 not_caught_up and nothing is recorded', async () => {
    const { reads, steps } = files({ [caseKey('a', 'c-1')]: file }, { caughtUp: false });
    const err = await reads.file({ ...retrieval('c-1'), consistentWith: 12 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LedgerError);
    expect((err as LedgerError).code).toBe('not_caught_up');
    expect(steps).toEqual(['wait 12']);
  });

  it("when another agency's case is asked for, then it is 404 and the refusal is recorded", async () => {
    const { reads, steps } = files({ [caseKey('b', 'c-1')]: { ...file, id: caseKey('b', 'c-1'), agency: 'b' } });
    const err = await reads.file(retrieval('c-1')).catch((e: unknown) => e);
    expect((err as LedgerError).status).toBe(404);
    expect(steps).toContain('denied');
  });

  it('when a list names an agency the reader may not read, then it is 403 forbidden and nothing is read', async () => {
    const { reads, steps, queries } = files({});
    const err = await reads
      .list({ principal: officer('a'), agency: 'b', consistentWith: 4, requestId: 'r1' }, { limit: 10 })
      .catch((e: unknown) => e);
    expect({ status: (err as LedgerError).status, code: (err as LedgerError).code }).toEqual({
      status: 403,
      code: 'forbidden',
    });
    expect(steps).toEqual([]);
    expect(queries).toEqual([]);
  });

  it('when a supervisor lists without naming an agency, then the cases of every agency it may read are listed', async () => {
    const { reads, queries } = files({});
    const supervisor: Principal = { sub: 'sam', agency: 'a', roles: ['supervisor'], supervises: ['b'] };
    await reads.list(
      { principal: supervisor, status: 'open', from: '2026-01-01', requestId: 'r1' },
      { limit: 10, after: 'x' },
    );
    expect(queries).toEqual([
      {
        where: { agency: ['a', 'b'], status: 'open' },
        range: { member: 'openedOn', from: '2026-01-01' },
        orderBy: 'openedOn',
        direction: 'desc',
        limit: 10,
        after: 'x',
      },
    ]);
  });

  it("when a page of cases is listed, then the listing is recorded on the reader's trail naming each case shown, before it is returned", async () => {
    const row = (agency: string, caseId: string) => ({
      ...file,
      id: caseKey(agency, caseId),
      agency,
      caseId,
      itemCode: 'P-1',
      title: 't',
      status: 'open',
    });
    const supervisor: Principal = { sub: 'sam', agency: 'a', roles: ['supervisor'], supervises: ['b'] };
    const { reads, steps, listings } = files({}, { rows: [row('a', 'c-1'), row('b', 'c-1'), row('b', 'c-2')] });
    const page = await reads.list({ principal: supervisor, requestId: 'r7', purpose: '专项检查' }, { limit: 10 });
    expect(page.items.map((i) => `${i.agency}/${i.caseId}`)).toEqual(['a/c-1', 'b/c-1', 'b/c-2']);
    expect(steps).toEqual(['listed list_cases']);
    expect(listings).toEqual([
      {
        principal: supervisor,
        action: 'list_cases',
        requestId: 'r7',
        purpose: '专项检查',
        cases: [
          { agency: 'a', caseId: 'c-1' },
          { agency: 'b', caseId: 'c-1' },
          { agency: 'b', caseId: 'c-2' },
        ],
      },
    ]);
  });

  it('when the listing cannot be recorded, then the page is not returned', async () => {
    const { reads } = files({}, { rows: [{ ...file }] });
    const failing = new CaseFileReads({
      readModels: { query: () => ({ items: [file] }) } as unknown as ReadModelStore,
      runner: { position: () => 1, waitFor: async () => true },
      reads: new CaseReads({
        record: async () => undefined,
        denied: async () => undefined,
        listed: async () => {
          throw new Error('store unavailable');
        },
      }),
      today: () => '2019-10-08',
    });
    await expect(reads.list({ principal: officer('a'), requestId: 'r1' }, { limit: 10 })).resolves.toBeDefined();
    await expect(failing.list({ principal: officer('a'), requestId: 'r1' }, { limit: 10 })).rejects.toThrow(
      'store unavailable',
    );
  });
});
