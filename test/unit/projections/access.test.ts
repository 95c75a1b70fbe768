import {
  ACCESS,
  accessProjection,
  DENIED_ACCESS,
  type AccessDoc,
  type DeniedAccessDoc,
} from '../../../projections/access.js';
import { PROJECTIONS } from '../../../projections/index.js';
import { accessStream, deniedAccessStream, readerTrail } from '../../../src/app/access-log.js';
import type { EventDraft } from '../../../src/ledger/envelope.js';
import { opened, record } from '../../support/domain.js';
import { project, StreamWriter } from '../../support/projection-spec.js';

const caseOpened = (writer: StreamWriter) => writer.caseEvents('2019-042', record(opened()));
const TRAIL = accessStream('county-justice', '2019-042');

const accessed = (
  id: string,
  data: Record<string, unknown>,
  actor = { sub: 'sam', agency: 'city-justice', roles: ['supervisor'] },
  type = 'CaseAccessed',
): EventDraft => ({
  id,
  type,
  schemaVersion: 1,
  occurredAt: '2026-11-20T09:31:00+08:00',
  actor,
  data,
  media: [],
});

describe('the access projection', () => {
  it('indexes what the access log and the refusals view filter on', () => {
    expect(accessProjection.collections).toEqual([
      { name: ACCESS, indexes: expect.arrayContaining(['caseId', 'sub', 'at', 'caseAgency']) },
      { name: DENIED_ACCESS, indexes: expect.arrayContaining(['agency', 'sub', 'at', 'caseId']) },
    ]);
  });

  it('when a case is read, then one document per retrieval, keyed by event id, with reader, case agency and time', () => {
    const writer = new StreamWriter();
    const reads = writer.seal(TRAIL, [
      accessed('acc-1', {
        caseId: '2019-042',
        action: 'read_case',
        outcome: 'granted',
        requestId: 'req-1',
        purpose: '案卷评查',
      }),
      accessed(
        'acc-2',
        { caseId: '2019-042', action: 'read_events', outcome: 'granted', requestId: 'req-2' },
        { sub: 'olga', agency: 'county-justice', roles: ['officer'] },
      ),
    ]);
    const docs = project(PROJECTIONS, [...caseOpened(writer), ...reads]);
    expect(docs.get<AccessDoc>(ACCESS, 'acc-1')).toEqual({
      sub: 'sam',
      agency: 'city-justice',
      caseAgency: 'county-justice',
      at: reads[0]!.recordedAt,
      caseId: '2019-042',
      action: 'read_case',
      outcome: 'granted',
      purpose: '案卷评查',
      requestId: 'req-1',
    });
    expect(docs.get<AccessDoc>(ACCESS, 'acc-2')).toMatchObject({ sub: 'olga', action: 'read_events' });
    expect(docs.get<AccessDoc>(ACCESS, 'acc-2')).not.toHaveProperty('purpose');
    expect(docs.all(ACCESS)).toHaveLength(2);
  });

  it('when two agencies use one case id, then each retrieval is of its own agency’s case, from the trail’s name', () => {
    const writer = new StreamWriter();
    const reads = [
      ...writer.seal(accessStream('county-justice', 'C-1'), [accessed('a-1', { action: 'read_case' })]),
      ...writer.seal(accessStream('county', 'C-1'), [accessed('a-2', { action: 'read_case' })]),
    ];
    const docs = project(PROJECTIONS, reads);
    expect(docs.get<AccessDoc>(ACCESS, 'a-1')).toMatchObject({ caseId: 'C-1', caseAgency: 'county-justice' });
    expect(docs.get<AccessDoc>(ACCESS, 'a-2')).toMatchObject({ caseId: 'C-1', caseAgency: 'county' });
  });

  it('when a medium is read, then the document names it', () => {
    const writer = new StreamWriter();
    const read = writer.seal(TRAIL, [
      accessed('acc-3', {
        caseId: '2019-042',
        action: 'read_media',
        outcome: 'granted',
        requestId: 'req-3',
        media: 'a'.repeat(64),
      }),
    ]);
    const docs = project(PROJECTIONS, [...caseOpened(writer), ...read]);
    expect(docs.get<AccessDoc>(ACCESS, 'acc-3')).toMatchObject({ action: 'read_media', media: 'a'.repeat(64) });
  });

  it('when a read was refused, then it is listed from the reader’s own trail, under the reader’s agency', () => {
    const writer = new StreamWriter();
    const olga = { sub: 'olga', agency: 'city-market', roles: ['officer'] };
    const refused = writer.seal(deniedAccessStream('city-market', 'olga'), [
      accessed(
        'd-1',
        { caseId: '2019-042', action: 'read_case', outcome: 'denied', requestId: 'req-5' },
        olga,
        'CaseAccessDenied',
      ),
    ]);
    const docs = project(PROJECTIONS, [...caseOpened(writer), ...refused]);
    expect(docs.get<DeniedAccessDoc>(DENIED_ACCESS, 'd-1')).toEqual({
      sub: 'olga',
      agency: 'city-market',
      at: refused[0]!.recordedAt,
      action: 'read_case',
      caseId: '2019-042',
      requestId: 'req-5',
    });
    expect(docs.all(ACCESS)).toEqual([]);
  });

  it('when other events pass, then they make no access documents', () => {
    const writer = new StreamWriter();
    const other = writer.seal(TRAIL, [{ ...accessed('x-1', { caseId: '2019-042' }), type: 'Other' }]);
    const docs = project(PROJECTIONS, [...caseOpened(writer), ...other]);
    expect(docs.all(ACCESS)).toEqual([]);
    expect(docs.all(DENIED_ACCESS)).toEqual([]);
  });

  it("when a listing showed several cases, then one document per case named, from the reader's trail, each of its own agency", () => {
    const writer = new StreamWriter();
    const sam = { sub: 'sam', agency: 'city-justice', roles: ['supervisor'] };
    const listed = writer.seal(readerTrail('city-justice', 'sam'), [
      accessed(
        'l-1',
        {
          action: 'list_supervision',
          view: 'major-decisions',
          requestId: 'req-9',
          purpose: '专项检查',
          outcome: 'granted',
          cases: [
            { agency: 'county-justice', caseId: '2019-042' },
            { agency: 'county', caseId: '2019-042' },
            { agency: 'county' }, // names no case: left out
          ],
        },
        sam,
        'CasesListed',
      ),
    ]);
    const docs = project(PROJECTIONS, [...caseOpened(writer), ...listed]);
    expect(docs.get<AccessDoc>(ACCESS, 'l-1/0')).toEqual({
      sub: 'sam',
      agency: 'city-justice',
      caseAgency: 'county-justice',
      at: listed[0]!.recordedAt,
      caseId: '2019-042',
      action: 'list_supervision',
      view: 'major-decisions',
      outcome: 'granted',
      purpose: '专项检查',
      requestId: 'req-9',
    });
    expect(docs.get<AccessDoc>(ACCESS, 'l-1/1')).toMatchObject({ caseAgency: 'county', caseId: '2019-042' });
    expect(docs.all(ACCESS)).toHaveLength(2);
  });

  it("when a listing event is on another trail than a reader's, then it makes no access documents", () => {
    const writer = new StreamWriter();
    const forged = writer.seal(TRAIL, [
      accessed('l-2', { action: 'list_cases', cases: [{ agency: 'x', caseId: 'y' }] }, undefined, 'CasesListed'),
    ]);
    const docs = project(PROJECTIONS, [...caseOpened(writer), ...forged]);
    expect(docs.all(ACCESS)).toEqual([]);
  });
});
