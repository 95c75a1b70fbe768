import type { ListingEntry } from '../../../src/app/access-log.js';
import type { Principal } from '../../../src/app/auth.js';
import { supervisedScope, SupervisionReads } from '../../../src/app/supervision-reads.js';
import { LedgerError } from '../../../src/errors.js';
import type { Doc, Page, Query, ReadModelStore } from '../../../src/ports/read-models.js';

const supervisor = (agency: string, supervises: string[]): Principal => ({
  sub: 'sam',
  agency,
  roles: ['supervisor'],
  supervises,
});

/** Offsets of the agencies: `a` at UTC, `b` at UTC+8. */
const OFFSETS: Record<string, number> = { a: 0, b: 480 };

function views(options: { caughtUp?: boolean; now?: string; rows?: Record<string, Doc[]> } = {}) {
  const queries: { collection: string; query: Query }[] = [];
  const waits: number[] = [];
  const listings: ListingEntry[] = [];
  const readModels = {
    query: <D extends Doc>(collection: string, query: Query): Page<D> => {
      queries.push({ collection, query });
      return { items: (options.rows?.[collection] ?? []) as D[] };
    },
    get: () => undefined,
  } as unknown as ReadModelStore;
  const reads = new SupervisionReads({
    readModels,
    access: { listed: async (entry) => void listings.push(entry) },
    runner: {
      position: () => 7,
      waitFor: async (position) => (waits.push(position), options.caughtUp ?? true),
    },
    clock: { now: () => new Date(options.now ?? '2026-03-01T17:30:00Z') },
    utcOffsetOf: (agency) => OFFSETS[agency] ?? 0,
  });
  return { reads, queries, waits, listings };
}

async function refusal(promise: Promise<unknown>): Promise<LedgerError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(LedgerError);
  return err as LedgerError;
}

describe('supervision reads', () => {
  it("when no agency is named, then the scope is the supervisor's own agency and those it supervises, once each", () => {
    expect(supervisedScope(supervisor('a', ['b', 'a', 'c']), undefined)).toEqual(['a', 'b', 'c']);
  });

  it('when an agency the supervisor supervises is named, then the scope is that agency alone', () => {
    expect(supervisedScope(supervisor('a', ['b']), 'b')).toEqual(['b']);
  });

  it("when an agency outside the supervisor's is named, then the view is 403 forbidden before anything is waited for or read", async () => {
    const { reads, queries, waits } = views();
    const query = { requestId: 'r1', principal: supervisor('a', ['b']), agency: 'x', consistentWith: 3 };
    const err = await refusal(reads.missingRecordings(query, { limit: 10 }));
    expect({ status: err.status, code: err.code }).toEqual({ status: 403, code: 'forbidden' });
    expect(waits).toEqual([]);
    expect(queries).toEqual([]);
  });

  it("when no day is given, then a dated view is as of today at the viewed agency's offset", async () => {
    // 17:30 UTC on 1 March is already 2 March at UTC+8
    const { reads } = views({ now: '2026-03-01T17:30:00Z' });
    const own = await reads.overdueDisclosures({ requestId: 'r1', principal: supervisor('a', ['b']) }, { limit: 10 });
    const other = await reads.overdueDisclosures(
      { requestId: 'r1', principal: supervisor('a', ['b']), agency: 'b' },
      { limit: 10 },
    );
    expect(own.asOf).toBe('2026-03-01');
    expect(other.asOf).toBe('2026-03-02');
  });

  it("when the supervisor's own agency is ahead of UTC and no agency is named, then today is the own agency's date", async () => {
    const { reads } = views({ now: '2026-12-31T20:00:00Z' });
    const certificates = await reads.certificates({ requestId: 'r1', principal: supervisor('b', ['a']) });
    expect(certificates.asOf).toBe('2027-01-01');
  });

  it('when a day is given, then the view is as of that day whatever the clock says', async () => {
    const { reads, queries } = views();
    const page = await reads.overdueDisclosures(
      { requestId: 'r1', principal: supervisor('a', []), asOf: '2025-06-10' },
      { limit: 10 },
    );
    expect(page.asOf).toBe('2025-06-10');
    expect(queries[0]!.query.range).toEqual({ member: 'decision.disclosureDueBy', to: '2025-06-09' });
  });

  it("when a write's position is given, then the view waits for it before it reads", async () => {
    const { reads, waits, queries } = views();
    await reads.deniedAccess(
      { requestId: 'r1', principal: supervisor('a', ['b']), consistentWith: 41, sub: 'ann' },
      { limit: 5 },
    );
    expect(waits).toEqual([41]);
    expect(queries).toEqual([
      {
        collection: 'denied_access',
        query: { where: { agency: ['a', 'b'], sub: 'ann' }, orderBy: 'at', direction: 'desc', limit: 5 },
      },
    ]);
  });

  it("when the read models do not reach the write's position in time, then the view is 503 not_caught_up and reads nothing", async () => {
    const { reads, queries } = views({ caughtUp: false });
    const err = await refusal(
      reads.reviewerRatio({ requestId: 'r1', principal: supervisor('a', []), consistentWith: 99 }),
    );
    expect({ status: err.status, code: err.code }).toEqual({ status: 503, code: 'not_caught_up' });
    expect(queries).toEqual([]);
  });

  it("when no agency is named, then the statistics are of the supervisor's own agency", async () => {
    const { reads, queries } = views();
    const figures = await reads.statistics({ requestId: 'r1', principal: supervisor('a', ['b']), year: 2025 });
    expect(figures.agency).toBe('a');
    expect(queries[0]!.query.where).toEqual({ agency: 'a' });
  });

  it('when a granted-access trail is asked for, then it is filtered on the agency of the case read', async () => {
    const { reads, queries } = views();
    await reads.access({ requestId: 'r1', principal: supervisor('a', ['b']), caseId: 'c-1' }, { limit: 5 });
    expect(queries[0]!.query.where).toEqual({ caseAgency: ['a', 'b'], caseId: 'c-1' });
  });

  it("when a view lists cases, then it is recorded on the supervisor's trail with the view's name, naming each case", async () => {
    const row = (agency: string, caseId: string) => ({
      id: `${agency}/${caseId}`,
      agency,
      caseId,
      itemCode: 'P-1',
      major: true,
      lastActivityOn: '2026-02-01',
      audit: { missingRecordings: true, missing: [] },
      checks: { recordingActs: 0, gaps: [], served: false },
    });
    const { reads, listings } = views({ rows: { cases: [row('a', 'c-1'), row('b', 'c-9')] } });
    const principal = supervisor('a', ['b']);
    const page = await reads.missingRecordings({ requestId: 'r5', purpose: '年度检查', principal }, { limit: 10 });
    expect(listings).toEqual([
      {
        principal,
        action: 'list_supervision',
        view: 'missing-recordings',
        requestId: 'r5',
        purpose: '年度检查',
        cases: page.items.map(({ agency, caseId }) => ({ agency, caseId })),
      },
    ]);
    expect(listings[0]!.cases).toHaveLength(2);
  });

  it('when a view is refused or lists no case, then no case is named as listed', async () => {
    const { reads, listings } = views();
    await refusal(reads.majorDecisions({ requestId: 'r1', principal: supervisor('a', []), agency: 'x' }, { limit: 5 }));
    await reads.majorDecisions({ requestId: 'r2', principal: supervisor('a', []) }, { limit: 5 });
    await reads.access({ requestId: 'r3', principal: supervisor('a', []), caseId: 'c-1' }, { limit: 5 });
    expect(listings.flatMap((l) => l.cases)).toEqual([]);
    expect(listings.map((l) => l.requestId)).toEqual(['r2']);
  });
});
