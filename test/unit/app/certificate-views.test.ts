import { SqliteReadModelStore } from '../../../src/adapters/sqlite/read-model-store.js';
import { certificatesView, MAX_ACTS_LISTED } from '../../../src/app/certificate-views.js';
import { caseStream } from '../../../src/domain/case/acts.js';
import type { Change, Doc, DocReader, ProjectedEvent } from '../../../src/ports/read-models.js';
import { CASES } from '../../../projections/case-files.js';
import { PROJECTIONS } from '../../../projections/index.js';
import { officerActsProjection } from '../../../projections/officer-acts.js';
import { officerKey, type OfficerDoc } from '../../../projections/registry.js';

const AGENCY = 'county-justice';

function officer(officerId: string, validFrom: string, validTo: string, agency = AGENCY): OfficerDoc {
  return {
    officerId,
    name: officerId,
    agency,
    certificateNo: `1405-${officerId}`,
    validFrom,
    validTo,
    roles: ['officer'],
    categories: [],
    status: 'active',
    registeredAt: '2018-01-01T00:00:00Z',
    updatedAt: '2018-01-01T00:00:00Z',
  };
}

interface Act {
  id: string;
  caseId: string;
  on: string;
  officers: string[];
  recorder: string;
  agency?: string;
}

/**
 * The read models after `acts`, in that order, as the officer-acts projection makes them (every case taken as
 * opened), with `officers` registered: a store the view reads as the service's.
 */
function modelsAfter(acts: readonly Act[], officers: readonly OfficerDoc[]): SqliteReadModelStore {
  const store = new SqliteReadModelStore({ path: ':memory:', projections: PROJECTIONS });
  store.reset(PROJECTIONS);
  const docs = new Map<string, Doc>();
  const reader: DocReader = {
    get: <D extends Doc>(collection: string, key: string) =>
      (collection === CASES ? { caseId: key } : docs.get(`${collection}/${key}`)) as D | undefined,
  };
  const changes: Change[] = officers.map((o) => ({
    collection: 'officers',
    key: officerKey(o.agency, o.officerId),
    doc: o,
  }));
  acts.forEach((act, i) => {
    const event = {
      id: act.id,
      stream: caseStream(act.agency ?? AGENCY, act.caseId),
      type: 'EvidenceCollected',
      occurredAt: `${act.on}T10:00:00+08:00`,
      actor: { sub: act.recorder, agency: act.agency ?? AGENCY, roles: ['officer'] },
      data: { description: 'x', officers: act.officers },
    };
    for (const change of officerActsProjection.apply({ position: i + 1, event } as unknown as ProjectedEvent, reader)) {
      docs.set(`${change.collection}/${change.key}`, change.doc!);
      changes.push(change);
    }
  });
  store.commit(changes, acts.length + officers.length);
  return store;
}

const listed = (view: ReturnType<typeof certificatesView>, officerId: string) =>
  view.actsOutsideValidity.find((o) => o.officerId === officerId);

describe('the certificates view', () => {
  it("when an officer took part in acts outside the certificate's validity, then those acts are listed by date, then event id, and no one else's", () => {
    const acts: Act[] = [
      { id: 'e-07', caseId: 'c-1', on: '2019-12-30', officers: ['chen'], recorder: 'chen' },
      { id: 'e-03', caseId: 'c-2', on: '2019-12-30', officers: ['alice'], recorder: 'alice' }, // not chen's
      { id: 'e-02', caseId: 'c-1', on: '2019-12-30', officers: ['alice'], recorder: 'chen' }, // recorded by chen
      { id: 'e-09', caseId: 'c-1', on: '2020-01-01', officers: ['chen'], recorder: 'chen' }, // the first valid day
      { id: 'e-01', caseId: 'c-3', on: '2019-06-01', officers: ['chen', 'bob'], recorder: 'bob' },
      { id: 'e-05', caseId: 'c-1', on: '2020-12-31', officers: ['chen'], recorder: 'chen' }, // the last valid day
      { id: 'e-06', caseId: 'c-4', on: '2021-01-01', officers: ['chen'], recorder: 'chen' },
      { id: 'e-04', caseId: 'c-5', on: '2021-01-01', officers: ['chen'], recorder: 'chen' },
      { id: 'e-08', caseId: 'c-9', on: '2019-12-30', officers: ['chen'], recorder: 'chen', agency: 'city-market' },
    ];
    const store = modelsAfter(acts, [
      officer('chen', '2020-01-01', '2020-12-31'),
      officer('alice', '2019-01-01', '2030-12-31'),
    ]);
    const view = certificatesView(store, [AGENCY], '2020-06-01');
    const act = (eventId: string, caseId: string, on: string) => ({
      caseId,
      agency: AGENCY,
      eventId,
      type: 'EvidenceCollected',
      on,
    });
    expect(listed(view, 'chen')).toMatchObject({
      acts: [
        act('e-01', 'c-3', '2019-06-01'),
        act('e-02', 'c-1', '2019-12-30'),
        act('e-07', 'c-1', '2019-12-30'),
        act('e-04', 'c-5', '2021-01-01'),
        act('e-06', 'c-4', '2021-01-01'),
      ],
    });
    expect(listed(view, 'chen')).not.toHaveProperty('more');
    expect(listed(view, 'alice')).toBeUndefined();
    store.close();
  });

  it('when more acts than are listed fall on one side of the validity, then the first are listed and more is said', () => {
    // ids that do not follow the order acts are recorded in, over days of two years
    const acts: Act[] = Array.from({ length: MAX_ACTS_LISTED + 1 }, (_, i) => ({
      id: `e-${String((i * 37) % (MAX_ACTS_LISTED + 1)).padStart(4, '0')}`,
      caseId: `c-${i % 7}`,
      on: `${2018 + (i % 2)}-0${1 + (i % 3)}-1${i % 5}`,
      officers: i % 4 === 0 ? ['dan', 'erin'] : ['dan'],
      recorder: 'erin',
    }));
    const byDateThenId = (a: Act, b: Act) => (a.on === b.on ? (a.id < b.id ? -1 : 1) : a.on < b.on ? -1 : 1);
    const all = [...acts].sort(byDateThenId).map((a) => a.id);
    const store = modelsAfter(acts, [
      officer('dan', '2020-01-01', '2030-12-31'),
      officer('erin', '2020-01-01', '2030-12-31'),
    ]);
    const view = certificatesView(store, [AGENCY], '2020-06-01');
    expect(listed(view, 'dan')!.acts.map((a) => a.eventId)).toEqual(all.slice(0, MAX_ACTS_LISTED));
    expect(listed(view, 'dan')).toHaveProperty('more', true);
    // erin recorded them all: the same acts
    expect(listed(view, 'erin')!.acts.map((a) => a.eventId)).toEqual(all.slice(0, MAX_ACTS_LISTED));
    expect(listed(view, 'erin')).toHaveProperty('more', true);
    store.close();

    const exactly = modelsAfter(acts.slice(1), [officer('dan', '2020-01-01', '2030-12-31')]);
    const full = listed(certificatesView(exactly, [AGENCY], '2020-06-01'), 'dan')!;
    expect(full.acts).toHaveLength(MAX_ACTS_LISTED);
    expect(full).not.toHaveProperty('more');
    exactly.close();
  });
});
