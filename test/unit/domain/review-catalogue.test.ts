import type { Actor } from '../../../src/domain/actor.js';
import type { RecordAct } from '../../../src/domain/case/acts.js';
import { caseDecider, type CaseContext } from '../../../src/domain/case/decider.js';
import { catalogueMatches, isMajor, isMajorCase } from '../../../src/domain/case/rules.js';
import type { ItemState } from '../../../src/domain/registry/items.js';
import {
  catalogueInForce,
  reviewCatalogueDecider,
  type CatalogueEntry,
  type CatalogueVersion,
  type ReviewCatalogueCommand,
} from '../../../src/domain/registry/review-catalogue.js';
import { specification } from '../../support/decider-spec.js';
import { act, actors, CHECKS_PASSED, context, opened, record } from '../../support/domain.js';

const AGENCY = 'county-justice';
const admin: Actor = { sub: 'head', agency: AGENCY, roles: ['admin'] };
const FOOD: Pick<ItemState, 'major' | 'category' | 'field'> = { category: 'penalty', field: '食品安全' };

const entry = (e: Omit<CatalogueEntry, 'entryId' | 'description'>, entryId = 'RC-1'): CatalogueEntry => ({
  entryId,
  description: '重大执法决定',
  ...e,
});
const version = (n: number, inForceFrom: string, entries: CatalogueEntry[]): CatalogueVersion => ({
  version: n,
  inForceFrom,
  level: 'county',
  entries,
  reason: '动态调整',
});

describe('the review catalogue (重大执法决定法制审核目录清单)', () => {
  const spec = specification(reviewCatalogueDecider);
  const adjust = (entries: CatalogueEntry[], actor = admin): ReviewCatalogueCommand => ({
    type: 'AdjustReviewCatalogue',
    actor,
    agency: AGENCY,
    level: 'county',
    entries,
    reason: '年度动态调整',
    at: '2019-09-01T09:00:00.000Z',
  });

  it('when an admin adjusts the catalogue, then ReviewCatalogueAdjusted records it in force from the time given, and each version is kept', () => {
    const first = entry({ amountFenAtLeast: 5_000_000 });
    const [event] = spec
      .given([])
      .when(adjust([first]))
      .then([{ type: 'ReviewCatalogueAdjusted', data: { inForceFrom: '2019-09-01T09:00:00.000Z', level: 'county' } }]);
    const once = reviewCatalogueDecider.evolve(reviewCatalogueDecider.initialState(), event!);
    const twice = reviewCatalogueDecider.evolve(once, event!);
    expect(twice.version).toBe(2);
    expect(twice.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(twice.versions[0]!.entries).toEqual([first]);
  });
  it('when the catalogue in force is given again (another reason alone), then 409 version_unchanged; another level or entry is a new version', () => {
    const first = entry({ amountFenAtLeast: 5_000_000 });
    const [event] = spec
      .given([])
      .when(adjust([first]))
      .then([{ type: 'ReviewCatalogueAdjusted' }]);
    spec
      .given([event!])
      .when({ ...adjust([{ ...first }]), reason: '重复提交' })
      .thenFails('version_unchanged', 409);
    spec
      .given([event!])
      .when({ ...adjust([first]), level: 'city' })
      .then([{ type: 'ReviewCatalogueAdjusted', data: { level: 'city' } }]);
    spec
      .given([event!])
      .when(adjust([{ ...first, amountFenAtLeast: 6_000_000 }]))
      .then([{ type: 'ReviewCatalogueAdjusted' }]);
  });
  it('when an officer adjusts it, then forbidden', () => {
    spec.given([]).when(adjust([], actors.alice)).thenFails('forbidden', 403);
  });
  it('when an admin adjusts another agency’s catalogue, then forbidden', () => {
    spec
      .given([])
      .when({ ...adjust([]), agency: 'city-market' })
      .thenFails('forbidden', 403);
  });
  it('when an entry names no factor, then catalogue_entry_invalid', () => {
    spec
      .given([])
      .when(adjust([entry({})]))
      .thenFails('catalogue_entry_invalid', 422);
  });
  it('when two entries share an id, then catalogue_entry_invalid names it', () => {
    const error = spec
      .given([])
      .when(adjust([entry({ levels: ['county'] }), entry({ fields: ['x'] })]))
      .thenFails('catalogue_entry_invalid', 422);
    expect(error.details).toEqual({ entryId: 'RC-1' });
  });
  it('when an amount is not whole fen, then amount_invalid', () => {
    spec
      .given([])
      .when(adjust([entry({ amountFenAtLeast: 1.5 })]))
      .thenFails('amount_invalid', 422);
  });
});

describe('catalogueMatches: every factor an entry names must hold', () => {
  const county = { item: FOOD, level: 'county' as const };
  it.each<[string, Omit<CatalogueEntry, 'entryId' | 'description'>, boolean]>([
    ['the decision type is listed', { decisionTypes: ['license_revocation'] }, true],
    ['the decision type is not listed', { decisionTypes: ['business_suspension'] }, false],
    ['the item category is listed', { itemCategories: ['penalty'] }, true],
    ['the item category is not listed', { itemCategories: ['licensing'] }, false],
    ['the agency level is listed', { levels: ['county', 'city'] }, true],
    ['the agency level is not listed', { levels: ['province'] }, false],
    ['the item field is listed', { fields: ['食品安全'] }, true],
    ['the item field is not listed', { fields: ['生态环境'] }, false],
    ['the amount reaches the threshold', { amountFenAtLeast: 5_000_000 }, true],
    ['the amount is one fen short', { amountFenAtLeast: 5_000_001 }, false],
    ['every factor holds', { itemCategories: ['penalty'], levels: ['county'], amountFenAtLeast: 1 }, true],
    ['one factor of several fails', { itemCategories: ['penalty'], levels: ['city'], amountFenAtLeast: 1 }, false],
  ])('when %s, then the entry matches: %s', (_, factors, expected) => {
    const type = factors.decisionTypes?.[0] === 'license_revocation' ? 'license_revocation' : 'fine';
    expect(catalogueMatches(entry(factors), county, { decisionType: type, fineFen: 5_000_000 })).toBe(expected);
  });
  it('when the item records no field, then an entry naming fields does not match it', () => {
    const noField = { item: { category: 'penalty' as const }, level: 'county' as const };
    expect(catalogueMatches(entry({ fields: ['食品安全'] }), noField, { decisionType: 'fine', fineFen: 1 })).toBe(
      false,
    );
  });
  it('when a decision has no amount, then it counts as 0 fen', () => {
    expect(catalogueMatches(entry({ amountFenAtLeast: 0 }), county, { decisionType: 'warning' })).toBe(true);
    expect(catalogueMatches(entry({ amountFenAtLeast: 1 }), county, { decisionType: 'warning' })).toBe(false);
  });
});

describe('isMajor: the item’s own criteria or the catalogue', () => {
  const catalogue = {
    level: 'county' as const,
    entries: [entry({ fields: ['食品安全'], amountFenAtLeast: 5_000_000 })],
  };
  it('when only the item’s criteria match, then major', () => {
    const item = { ...FOOD, major: { fineFenAtLeast: 100 } };
    expect(isMajor(item, undefined, { decisionType: 'fine', fineFen: 100 })).toBe(true);
  });
  it('when only a catalogue entry matches, then major', () => {
    expect(isMajor(FOOD, catalogue, { decisionType: 'fine', fineFen: 5_000_000 })).toBe(true);
  });
  it('when neither matches, then not major', () => {
    expect(isMajor(FOOD, catalogue, { decisionType: 'fine', fineFen: 4_999_999 })).toBe(false);
    expect(isMajor(FOOD, undefined, { decisionType: 'fine', fineFen: 99_000_000 })).toBe(false);
  });
  it('when the proposal matches but the decision does not, then the case is still major', () => {
    const proposal = { decisionType: 'fine' as const, fineFen: 5_000_000 };
    expect(isMajorCase(FOOD, catalogue, { proposal, decision: { decisionType: 'warning' } })).toBe(true);
  });
});

describe('catalogueInForce: the version recorded at or before the instant', () => {
  const versions = [version(1, '2019-09-01T09:00:00.000Z', []), version(2, '2019-10-01T09:00:00.000Z', [])];
  it.each([
    ['before the first version', '2019-08-31T23:59:59.999Z', undefined],
    ['at the first version’s instant', '2019-09-01T09:00:00.000Z', 1],
    ['between the two, written with another offset', '2019-10-01T16:59:59+08:00', 1],
    ['at the second version’s instant, written with another offset', '2019-10-01T17:00:00+08:00', 2],
    ['long after', '2030-01-01T00:00:00Z', 2],
  ])('when asked %s (%s), then the version in force is %s', (_, at, expected) => {
    expect(catalogueInForce(versions, at)?.version).toBe(expected);
  });
});

describe('the decider’s review gate under the catalogue', () => {
  const spec = specification(caseDecider);
  // P-001 is major only from 1,000,000 fen; the catalogue makes a fine of 500,000 fen on it major from October
  const catalogue = [
    version(1, '2019-09-01T00:00:00Z', [entry({ itemCategories: ['inspection'] }, 'RC-0')]),
    version(2, '2019-10-01T00:00:00Z', [entry({ itemCategories: ['penalty'], amountFenAtLeast: 500_000 }, 'RC-9')]),
  ];
  const withCatalogue: CaseContext = { ...context, reviewCatalogue: catalogue };
  const decide = (occurredAt: string) => {
    const command = act('DecisionIssued', {
      decisionType: 'fine',
      fineFen: 500_000,
      legalBasis: '《律师法》第五十条',
      documentNo: '县司罚〔2019〕43号',
      decidedOn: occurredAt.slice(0, 10),
    });
    return { act: { ...command.act, occurredAt } as RecordAct, context: withCatalogue };
  };
  /** A case whose proposal of that fine was reviewed and approved. */
  const reviewedAndApproved = () => {
    const propose = act('LegalReviewRequested', {
      proposed: { decisionType: 'fine', fineFen: 500_000, legalBasis: '《律师法》第五十条' },
    });
    const approve = act(
      'LegalReviewCompleted',
      { outcome: 'approved', opinion: '同意', checks: CHECKS_PASSED },
      { actor: actors.rita },
    );
    return record(opened(), propose, approve);
  };
  it('when a decision made under the version in force matches an entry and has no review, then legal_review_required', () => {
    spec.given(record(opened())).when(decide('2019-10-08T09:00:00+08:00')).thenFails('legal_review_required', 409);
  });
  it('when a decision was made before the version that lists it came into force, then it keeps its outcome: not major', () => {
    spec
      .given(record(opened()))
      .when(decide('2019-09-27T09:00:00+08:00'))
      .then([{ type: 'DecisionIssued', data: { major: false } }]);
  });
  it('when it was reviewed and approved, then the decision records major and the catalogue version and entry that made it so', () => {
    spec
      .given(reviewedAndApproved())
      .when(decide('2019-10-08T09:00:00+08:00'))
      .then([{ type: 'DecisionIssued', data: { major: true, reviewCatalogue: { version: 2, entryIds: ['RC-9'] } } }]);
  });
  describe('when the decision is recorded later than its stated time', () => {
    const recorded = (occurredAt: string, recordedAt: string) => {
      const command = decide(occurredAt);
      return { ...command, context: { ...command.context, recordedAt } };
    };
    it('when it is dated before the version that lists it but recorded once that version is in force, then legal_review_required', () => {
      spec
        .given(record(opened()))
        .when(recorded('2019-09-27T09:00:00+08:00', '2019-10-08T01:00:00Z'))
        .thenFails('legal_review_required', 409);
    });
    it('when it is recorded before that version came into force too, then it is not major', () => {
      spec
        .given(record(opened()))
        .when(recorded('2019-09-27T09:00:00+08:00', '2019-09-28T01:00:00Z'))
        .then([{ type: 'DecisionIssued', data: { major: false } }]);
    });
    it('when it was reviewed and approved, then it records the version in force at its recording and the entry that matched', () => {
      spec
        .given(reviewedAndApproved())
        .when(recorded('2019-09-27T09:00:00+08:00', '2019-10-08T01:00:00Z'))
        .then([{ type: 'DecisionIssued', data: { major: true, reviewCatalogue: { version: 2, entryIds: ['RC-9'] } } }]);
    });
    it('when the version at its stated time lists it and a later one does not, then the stated time’s version still holds', () => {
      const relaxed = [...catalogue, version(3, '2019-11-01T00:00:00Z', [])];
      const command = recorded('2019-10-08T09:00:00+08:00', '2019-11-08T01:00:00Z');
      spec
        .given(record(opened()))
        .when({ ...command, context: { ...command.context, reviewCatalogue: relaxed } })
        .thenFails('legal_review_required', 409);
    });
  });
  it('when no entry of the version in force matches, then the decision records no catalogue', () => {
    const issued = record(opened(), decide('2019-09-27T09:00:00+08:00')).at(-1)!;
    expect(issued.type).toBe('DecisionIssued');
    expect(issued.type === 'DecisionIssued' && issued.data.reviewCatalogue).toBeUndefined();
  });
});
