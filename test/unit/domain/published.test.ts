import type { Actor } from '../../../src/domain/actor.js';
import { fold } from '../../../src/domain/decider.js';
import {
  currentInspectionEntry,
  inspectionEntryDecider,
  inspectionEntryStream,
  type InspectionEntry,
  type InspectionEntryCommand,
  type InspectionEntryEvent,
} from '../../../src/domain/published/inspection-list.js';
import { publishedStream } from '../../../src/domain/published/kinds.js';
import { changedMembers } from '../../../src/domain/published/versioned.js';
import { specification } from '../../support/decider-spec.js';
import { actors, items } from '../../support/domain.js';

const AGENCY = 'county-justice';
const admin = actors.head;
const otherAdmin: Actor = { sub: 'boss', agency: 'city-market', roles: ['admin'] };

const ENTRY: InspectionEntry = {
  subject: '县司法局律师工作股',
  basis: '《律师事务所管理办法》第六十四条',
  targets: '本县律师事务所',
  content: '执业信息公示、执业档案管理',
  ratioBasisPoints: 500,
  method: '现场检查、书面检查',
  frequency: '每年一次',
};

const publish = (
  document: Partial<InspectionEntry> = {},
  options: { actor?: Actor; agency?: string; note?: string; itemCode?: string } = {},
): InspectionEntryCommand => ({
  actor: options.actor ?? admin,
  agency: options.agency ?? AGENCY,
  type: 'Publish',
  document: { ...ENTRY, ...document },
  ...(options.note === undefined ? {} : { note: options.note }),
  context: {},
});
const withdraw = (actor: Actor = admin): InspectionEntryCommand => ({
  actor,
  agency: AGENCY,
  type: 'Withdraw',
  reason: '事项取消',
});
const first: InspectionEntryEvent = {
  type: 'InspectionEntryPublished',
  data: { version: 1, document: ENTRY, changed: [] },
};
const withdrawn: InspectionEntryEvent = { type: 'InspectionEntryWithdrawn', data: { version: 1, reason: 'x' } };

describe('the random-inspection list (随机抽查事项清单, 二(一)2(1))', () => {
  const spec = specification(inspectionEntryDecider);

  it('when an admin publishes a new entry, then version 1 is recorded with the seven fields and no changes', () => {
    spec
      .given()
      .when(publish())
      .then([{ type: 'InspectionEntryPublished', data: first.data }]);
  });

  it('when an entry is published again with a changed ratio and a note, then version 2 names the changed member', () => {
    spec
      .given([first])
      .when(publish({ ratioBasisPoints: 1000 }, { note: '比例提高至10%' }))
      .then([
        {
          type: 'InspectionEntryPublished',
          data: { version: 2, changed: ['ratioBasisPoints'], note: '比例提高至10%' },
        },
      ]);
  });

  it('when a member is dropped from the next version, then it is named as changed', () => {
    const withItem: InspectionEntryEvent = {
      type: 'InspectionEntryPublished',
      data: { version: 1, document: { ...ENTRY, itemCode: 'I-001' }, changed: [] },
    };
    spec
      .given([withItem])
      .when(publish())
      .then([{ data: { version: 2, changed: ['itemCode'] } }]);
  });

  it('when the same document is published again, then it is refused as unchanged', () => {
    spec.given([first]).when(publish()).thenFails('version_unchanged', 409);
  });

  it('when a published entry is withdrawn, then the withdrawal names its last version, and the entry has no current document', () => {
    spec
      .given([first])
      .when(withdraw())
      .then([{ type: 'InspectionEntryWithdrawn', data: { version: 1 } }]);
    const state = fold(inspectionEntryDecider, [first, withdrawn]);
    expect(currentInspectionEntry(state)).toBeUndefined();
    expect(currentInspectionEntry(fold(inspectionEntryDecider, [first]))).toEqual(ENTRY);
  });

  it.each<[string, string, number, readonly InspectionEntryEvent[], InspectionEntryCommand]>([
    ['an officer publishes', 'forbidden', 403, [], publish({}, { actor: actors.alice })],
    ['an admin publishes for another agency', 'forbidden', 403, [], publish({}, { actor: otherAdmin })],
    ['another agency withdraws the entry', 'forbidden', 403, [first], withdraw(otherAdmin)],
    ['an entry never published is withdrawn', 'not_found', 404, [], withdraw()],
    [
      'a withdrawn entry is published again',
      'document_withdrawn',
      409,
      [first, withdrawn],
      publish({ frequency: '每季度' }),
    ],
    ['a withdrawn entry is withdrawn again', 'document_withdrawn', 409, [first, withdrawn], withdraw()],
    ['the ratio is zero', 'ratio_invalid', 422, [], publish({ ratioBasisPoints: 0 })],
    ['the ratio is above every target', 'ratio_invalid', 422, [], publish({ ratioBasisPoints: 10_001 })],
    ['the ratio is fractional', 'ratio_invalid', 422, [], publish({ ratioBasisPoints: 2.5 })],
    ['the entry names an item the agency does not list', 'item_unknown', 422, [], publish({ itemCode: 'X-9' })],
  ])('when %s, then %s (%i)', (_when, code, status, given, command) => {
    spec.given(given).when(command).thenFails(code, status);
  });

  it('when the entry names a current item, then it is published; a retired item is refused', () => {
    const withItem = (item = items['I-001']!): InspectionEntryCommand => ({
      actor: admin,
      agency: AGENCY,
      type: 'Publish',
      document: { ...ENTRY, itemCode: 'I-001' },
      context: { item },
    });
    spec
      .given()
      .when(withItem())
      .then([{ data: { document: { itemCode: 'I-001' } } }]);
    spec
      .given()
      .when(withItem({ ...items['I-001']!, retired: true }))
      .thenFails('item_unknown', 422);
  });

  it('when the stream of an entry is named, then it is an agency stream the published kinds recognise', () => {
    const stream = inspectionEntryStream(AGENCY, 'RC-01');
    expect(stream).toBe('inspectionentry-county-justice:RC-01');
    expect(publishedStream(stream)).toEqual({ kind: 'inspection-list', agency: AGENCY, id: 'RC-01' });
    expect(publishedStream('item-county-justice:RC-01')).toBeUndefined();
  });
});

describe('what changed between versions', () => {
  it('when members are compared, then only those whose canonical JSON differs are named, in name order', () => {
    expect(changedMembers(undefined, { a: 1 })).toEqual([]);
    expect(changedMembers({ b: [1, { x: 1, y: 2 }], a: 1 }, { a: 1, b: [1, { y: 2, x: 1 }] })).toEqual([]);
    expect(changedMembers({ a: 1, c: 'x' }, { a: 2, b: true })).toEqual(['a', 'b', 'c']);
  });
});
