import { ACCESS, accessProjection, type AccessDoc } from '../../../projections/access.js';
import { PROJECTIONS } from '../../../projections/index.js';
import type { EventDraft } from '../../../src/ledger/envelope.js';
import { opened, record } from '../../support/domain.js';
import { project, StreamWriter } from '../../support/projection-spec.js';

const caseOpened = (writer: StreamWriter) => writer.caseEvents('2019-042', record(opened()));

const accessed = (
  id: string,
  data: Record<string, unknown>,
  actor = { sub: 'sam', agency: 'city-justice', roles: ['supervisor'] },
): EventDraft => ({
  id,
  type: 'CaseAccessed',
  schemaVersion: 1,
  occurredAt: '2026-11-20T09:31:00+08:00',
  actor,
  data,
  media: [],
});

describe('the access projection', () => {
  it('is applied after the case files, whose agency it reads, and indexes what the access log filters on', () => {
    const names = PROJECTIONS.map((p) => p.name);
    expect(names.indexOf('access')).toBeGreaterThan(names.indexOf('case-files'));
    expect(accessProjection.collections).toEqual([
      { name: ACCESS, indexes: expect.arrayContaining(['caseId', 'sub', 'at', 'caseAgency']) },
    ]);
  });

  it('when a case is read, then one document per retrieval, keyed by event id, with reader, case agency and time', () => {
    const writer = new StreamWriter();
    const reads = writer.seal('access-2019-042', [
      accessed('acc-1', {
        caseId: '2019-042',
        action: 'read_case',
        outcome: 'granted',
        requestId: 'req-1',
        purpose: '案卷评查',
      }),
      accessed(
        'acc-2',
        { caseId: '2019-042', action: 'read_events', outcome: 'denied', requestId: 'req-2' },
        { sub: 'olga', agency: 'city-market', roles: ['officer'] },
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
    expect(docs.get<AccessDoc>(ACCESS, 'acc-2')).toMatchObject({
      sub: 'olga',
      agency: 'city-market',
      caseAgency: 'county-justice',
      action: 'read_events',
      outcome: 'denied',
    });
    expect(docs.get<AccessDoc>(ACCESS, 'acc-2')).not.toHaveProperty('purpose');
    expect(docs.all(ACCESS)).toHaveLength(2);
  });

  it('when a medium is read, then the document names it', () => {
    const writer = new StreamWriter();
    const read = writer.seal('access-2019-042', [
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

  it('when the case file is unknown, then the retrieval is kept without a case agency', () => {
    const writer = new StreamWriter();
    const read = writer.seal('access-nowhere', [
      accessed('acc-4', { caseId: 'nowhere', action: 'read_case', outcome: 'granted', requestId: 'req-4' }),
    ]);
    const doc = project(PROJECTIONS, read).get<AccessDoc>(ACCESS, 'acc-4')!;
    expect(doc.caseId).toBe('nowhere');
    expect(doc).not.toHaveProperty('caseAgency');
  });

  it('when other events pass, then they make no access documents', () => {
    const writer = new StreamWriter();
    const other = writer.seal('access-2019-042', [{ ...accessed('x-1', { caseId: '2019-042' }), type: 'Other' }]);
    const docs = project(PROJECTIONS, [...caseOpened(writer), ...other]);
    expect(docs.all(ACCESS)).toEqual([]);
  });
});
