import { inspectionEntryStream } from '../../../src/domain/published/inspection-list.js';
import {
  PUBLISHED_DOCUMENTS,
  PUBLISHED_VERSIONS,
  publishedProjection,
  versionPrefix,
  type PublishedDoc,
  type VersionDoc,
} from '../../../projections/published.js';
import { project, StreamWriter } from '../../support/projection-spec.js';

const ENTRY = {
  subject: '县司法局',
  basis: '《条例》第十条',
  targets: '本县律师事务所',
  content: '执业信息公示',
  ratioBasisPoints: 500,
  method: '现场检查',
  frequency: '每年一次',
};

describe('the published documents projection (事前公开, 动态管理)', () => {
  const stream = inspectionEntryStream('county-justice', 'RC-01');

  it('when an entry is published twice and withdrawn, then its row holds the last version, withdrawn, and every version is kept in order', () => {
    const w = new StreamWriter();
    const events = [
      ...w.registry(stream, 'InspectionEntryPublished', { version: 1, document: ENTRY, changed: [], note: '首次' }),
      ...w.registry(stream, 'InspectionEntryPublished', {
        version: 2,
        document: { ...ENTRY, ratioBasisPoints: 1000 },
        changed: ['ratioBasisPoints'],
      }),
      ...w.registry(stream, 'InspectionEntryWithdrawn', { version: 2, reason: '事项取消' }),
    ];
    const docs = project([publishedProjection], events);
    expect(docs.get<PublishedDoc>(PUBLISHED_DOCUMENTS, stream)).toMatchObject({
      kind: 'inspection-list',
      agency: 'county-justice',
      id: 'RC-01',
      version: 2,
      status: 'withdrawn',
      withdrawalReason: '事项取消',
      document: { ratioBasisPoints: 1000 },
    });
    const versions = docs.query<VersionDoc>(PUBLISHED_VERSIONS, { keyPrefix: versionPrefix(stream), limit: 10 });
    expect(versions.items.map((v) => [v.version, v.changed, v.note, v.eventId])).toEqual([
      [1, [], '首次', events[0]!.id],
      [2, ['ratioBasisPoints'], undefined, events[1]!.id],
    ]);
  });

  it('when events of other streams pass, then the projection writes nothing', () => {
    const w = new StreamWriter();
    const docs = project(
      [publishedProjection],
      [
        ...w.registry('item-county-justice:P-001', 'ItemRegistered', { code: 'P-001' }),
        ...w.registry('inspectionentry-county-justice:RC-02', 'InspectionEntryWithdrawn', { version: 1, reason: 'x' }),
      ],
    );
    expect(docs.all(PUBLISHED_DOCUMENTS)).toEqual([]);
    expect(docs.all(PUBLISHED_VERSIONS)).toEqual([]);
  });
});
