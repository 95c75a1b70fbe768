import type { Actor } from '../../../src/domain/actor.js';
import { drawCandidates } from '../../../src/domain/inspections/candidates.js';
import {
  joinInputs,
  planDecider,
  type DrawRecord,
  type InputsPart,
  type PlanCommand,
  type PlanEvent,
  type PlanProfile,
} from '../../../src/domain/inspections/plans.js';
import {
  subjectDecider,
  type SubjectCommand,
  type SubjectEvent,
  type SubjectProfile,
  type SubjectState,
} from '../../../src/domain/inspections/subjects.js';
import { computeDraw } from '../../../src/ledger/draw.js';
import { eventDataViolation } from '../../../src/ledger/json-bounds.js';
import { specification } from '../../support/decider-spec.js';
import { actors, officers } from '../../support/domain.js';

const admin = actors.head;
const alice: Actor = { sub: 'alice', agency: 'county-justice', roles: ['officer'] };
const bob: Actor = { sub: 'bob', agency: 'county-justice', roles: ['officer'] };

describe('the directory of regulated subjects (检查对象名录) and conflicts of interest (回避)', () => {
  const spec = specification(subjectDecider);
  const profile: SubjectProfile = {
    subjectId: 'S-001',
    agency: 'county-justice',
    name: '某某食品有限公司',
    kind: 'enterprise',
    sector: 'food',
    tags: ['restaurant'],
  };
  const registered: SubjectEvent[] = [{ type: 'SubjectRegistered', data: profile }];
  const declare = (
    actor: Actor,
    officerId = 'alice',
    type: 'DeclareConflict' | 'WithdrawConflict' = 'DeclareConflict',
  ): SubjectCommand => ({
    actor,
    type,
    officerId,
    reason: '近亲属任职',
    officer: officers[officerId] ?? { exists: false, status: 'active' },
  });

  it('when the head registers a subject, then it is recorded; a second time is subject_exists', () => {
    spec
      .given()
      .when({ actor: admin, type: 'RegisterSubject', profile })
      .then([{ type: 'SubjectRegistered' }]);
    spec.given(registered).when({ actor: admin, type: 'RegisterSubject', profile }).thenFails('subject_exists', 409);
  });

  it('when an officer registers a subject, then forbidden', () => {
    spec.given().when({ actor: alice, type: 'RegisterSubject', profile }).thenFails('forbidden', 403);
  });

  it('when an officer declares their own conflict, then ConflictDeclared; for another officer, forbidden', () => {
    spec
      .given(registered)
      .when(declare(alice))
      .then([{ type: 'ConflictDeclared', data: { officerId: 'alice' } }]);
    spec.given(registered).when(declare(bob, 'alice')).thenFails('forbidden', 403);
    spec
      .given(registered)
      .when(declare(admin, 'bob'))
      .then([{ type: 'ConflictDeclared' }]);
  });

  it('when a conflict names an unregistered officer or is declared twice, then it is refused', () => {
    spec.given(registered).when(declare(admin, 'nobody')).thenFails('officer_unknown', 422);
    const declared: SubjectEvent[] = [
      ...registered,
      { type: 'ConflictDeclared', data: { officerId: 'alice', reason: 'x' } },
    ];
    spec.given(declared).when(declare(alice)).thenFails('conflict_declared', 409);
    spec
      .given(declared)
      .when(declare(admin, 'alice', 'WithdrawConflict'))
      .then([{ type: 'ConflictWithdrawn' }]);
  });

  it('when the subject is retired, then no more changes', () => {
    const retired: SubjectEvent[] = [...registered, { type: 'SubjectRetired', data: { reason: '注销' } }];
    spec.given(retired).when(declare(alice)).thenFails('subject_retired', 409);
  });
});

describe('inspection plans, draws and outcomes (双随机、一公开)', () => {
  const spec = specification(planDecider);
  const profile: PlanProfile = {
    planId: 'P-2026-01',
    agency: 'county-justice',
    entryId: 'E-01',
    title: '2026年食品经营抽查',
    targets: { sectors: ['food'] },
    sample: { count: 2 },
    inspectorsPerTarget: 2,
    drawAtSize: 100,
    startsOn: '2026-03-01',
    endsOn: '2026-06-30',
  };
  const plan = (changes: Partial<PlanProfile> = {}, treeSize = 50): PlanCommand => ({
    actor: admin,
    type: 'PlanInspection',
    profile: { ...profile, ...changes },
    treeSize,
    entry: 'current',
    entryVersion: 3,
  });
  const planned: PlanEvent[] = [{ type: 'InspectionPlanned', data: { ...profile, treeSizeAtPlan: 50 } }];
  const inputs = {
    subjects: ['S1', 'S2', 'S3'],
    officers: ['alice', 'bob', 'chen'],
    conflicts: [['S1', 'alice']] as const,
  };
  const root = new Uint8Array(32).fill(7);
  const draw = (changes: Partial<Extract<PlanCommand, { type: 'RecordDraw' }>> = {}): PlanCommand => ({
    actor: admin,
    type: 'RecordDraw',
    treeSize: 120,
    checkpointSize: 120,
    rootHash: root,
    inputs,
    ...changes,
  });
  /** The draw's parameters the plan and the root give: recomputed here as the verifier would. */
  const drawParameters = {
    agency: 'county-justice',
    planId: 'P-2026-01',
    size: 100,
    rootHash: root,
    sample: { count: 2 },
    inspectorsPerTarget: 2,
  };
  const expected = computeDraw(drawParameters, inputs);

  it('when a plan names a tree size the log has reached, then draw_size_not_future', () => {
    spec
      .given()
      .when(plan({}, 99))
      .then([{ type: 'InspectionPlanned', data: { treeSizeAtPlan: 99 } }]);
    spec.given().when(plan({}, 100)).thenFails('draw_size_not_future', 422);
  });

  it('when a plan asks for fewer than two inspectors per target, then inspectors_too_few', () => {
    spec
      .given()
      .when(plan({ inspectorsPerTarget: 1 }))
      .thenFails('inspectors_too_few', 422);
    spec
      .given()
      .when(plan({ sample: { percent: 0 } }))
      .thenFails('sample_invalid', 422);
  });

  it('when the list entry is unknown or no longer current, then the plan is refused', () => {
    spec
      .given()
      .when({ ...plan(), entry: 'unknown' } as PlanCommand)
      .thenFails('entry_unknown', 422);
    spec
      .given()
      .when({ ...plan(), entry: 'retired' } as PlanCommand)
      .thenFails('entry_retired', 409);
  });

  it('when the log has not reached the size yet, then draw_too_early', () => {
    spec
      .given(planned)
      .when(draw({ treeSize: 99, checkpointSize: 99 }))
      .thenFails('draw_too_early', 409);
  });

  it('when the draw is recorded, then it is the recomputation, with its seed and inputs digest', () => {
    spec
      .given(planned)
      .when(draw())
      .then([{ type: 'InspectionDrawn', data: expected }]);
    spec
      .given(planned)
      .when(draw({ claimed: { seed: expected.seed } }))
      .then([{ type: 'InspectionDrawn' }]);
  });

  it('when a claimed draw differs from the recomputation, then draw_mismatch and nothing is recorded', () => {
    const targets = [...expected.targets].reverse();
    spec
      .given(planned)
      .when(draw({ claimed: { targets } }))
      .thenFails('draw_mismatch', 409);
    spec
      .given(planned)
      .when(draw({ claimed: { seed: '00'.repeat(32) } }))
      .thenFails('draw_mismatch', 409);
  });

  it('when too few officers are free of conflicts, then inspectors_insufficient', () => {
    const few = { subjects: ['S1'], officers: ['alice', 'bob'], conflicts: [['S1', 'alice']] as const };
    spec
      .given(planned)
      .when(draw({ inputs: few }))
      .thenFails('inspectors_insufficient', 422);
  });

  it("when the candidates are more than the draw's event holds, then they are recorded in parts before it, and put together they are the inputs drawn from", () => {
    const ids = (prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(4, '0')}`);
    const many = {
      subjects: ids('S', 2_500),
      officers: ids('O', 1_200),
      conflicts: ids('S', 600).map((s, i) => [s, `O-${String(i).padStart(4, '0')}`] as [string, string]),
    };
    const events = spec
      .given(planned)
      .when(draw({ inputs: many }))
      .then([
        { type: 'InspectionInputsPublished', data: { part: 1, parts: 7, subjects: many.subjects.slice(0, 1000) } },
        { type: 'InspectionInputsPublished', data: { part: 2, parts: 7 } },
        { type: 'InspectionInputsPublished', data: { part: 3, parts: 7 } },
        { type: 'InspectionInputsPublished', data: { part: 4, parts: 7, officers: many.officers.slice(0, 1000) } },
        { type: 'InspectionInputsPublished', data: { part: 5, parts: 7 } },
        { type: 'InspectionInputsPublished', data: { part: 6, parts: 7, conflicts: many.conflicts.slice(0, 500) } },
        { type: 'InspectionInputsPublished', data: { part: 7, parts: 7 } },
        { type: 'InspectionDrawn', data: { inputParts: 7, inputs: { subjects: [], officers: [], conflicts: [] } } },
      ]);
    const parts = events.slice(0, -1).map((e) => e.data as InputsPart);
    const drawn = events.at(-1)!.data as DrawRecord;
    expect(joinInputs([...parts, drawn.inputs])).toEqual(many);
    // each event within the bounds of a signed event; the draw the one the inputs determine
    for (const event of events) expect(eventDataViolation(event.data)).toBeUndefined();
    const again = computeDraw(drawParameters, many);
    expect([drawn.inputsDigest, drawn.targets]).toEqual([again.inputsDigest, again.targets]);
    // within the bounds, the inputs stay in the draw's own event
    spec
      .given(planned)
      .when(draw({ inputs: { subjects: ids('S', 1000), officers: ['alice', 'bob'], conflicts: [] } }))
      .then([{ type: 'InspectionDrawn' }]);
  });

  it('when the targets drawn are more than one event records (long ids, many inspectors), then draw_too_large and no event', () => {
    const long = (prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(4, '0')}-${'x'.repeat(100)}`);
    const big: PlanEvent[] = [
      {
        type: 'InspectionPlanned',
        data: { ...profile, sample: { count: 1000 }, inspectorsPerTarget: 10, treeSizeAtPlan: 50 },
      },
    ];
    const inputs = { subjects: long('S', 1000), officers: long('O', 20), conflicts: [] };
    expect(spec.given(big).when(draw({ inputs })).thenFails('draw_too_large', 422).details).toEqual({ targets: 1000 });
  });

  it('when an officer with a declared conflict is a candidate, then they are never drawn for that subject', () => {
    for (let i = 0; i < 50; i++) {
      const rootHash = new Uint8Array(32).fill(i);
      const result = computeDraw(
        { agency: 'a', planId: 'p', size: 10, rootHash, sample: { count: 3 }, inspectorsPerTarget: 2 },
        inputs,
      );
      const s1 = result.targets.find((t) => t.subjectId === 'S1');
      expect(s1?.inspectors).not.toContain('alice');
      expect(s1?.inspectors).toHaveLength(2);
    }
  });

  it('when an outcome is recorded, then only by a drawn inspector or the head, for a target, once', () => {
    const drawn: PlanEvent[] = [
      ...planned,
      { type: 'InspectionDrawn', data: { ...expected, size: 100, rootHash: '', checkpointSize: 120, inputs } },
    ];
    const target = expected.targets[0]!;
    const outcome = (actor: Actor, subjectId = target.subjectId, inspectedOn = '2026-03-10'): PlanCommand => ({
      actor,
      type: 'RecordOutcome',
      subjectId,
      outcome: 'no_problem',
      summary: '未发现问题',
      inspectedOn,
      recordedAt: '2026-03-11T09:00:00+08:00',
    });
    const inspector: Actor = { sub: target.inspectors[0]!, agency: 'county-justice', roles: ['officer'] };
    const outsider = ['alice', 'bob', 'chen'].find((o) => !target.inspectors.includes(o))!;
    spec.given(planned).when(outcome(inspector)).thenFails('draw_missing', 409);
    spec
      .given(drawn)
      .when(outcome(inspector))
      .then([{ type: 'InspectionOutcomeRecorded' }]);
    spec
      .given(drawn)
      .when(outcome({ ...inspector, sub: outsider }))
      .thenFails('inspector_required', 403);
    spec.given(drawn).when(outcome(admin, 'S-none')).thenFails('not_a_target', 422);
    // what the registry says of the recorder when it is recorded: a conflict declared since, or no longer active
    const withFacts = (actor: Actor, facts: { conflicted: boolean; recorderActive: boolean }): PlanCommand => ({
      ...(outcome(actor) as Extract<PlanCommand, { type: 'RecordOutcome' }>),
      facts,
    });
    spec
      .given(drawn)
      .when(withFacts(inspector, { conflicted: true, recorderActive: true }))
      .thenFails('conflict_declared', 409);
    spec
      .given(drawn)
      .when(withFacts(inspector, { conflicted: false, recorderActive: false }))
      .thenFails('inspector_required', 403);
    spec
      .given(drawn)
      .when(withFacts(admin, { conflicted: false, recorderActive: false }))
      .then([{ type: 'InspectionOutcomeRecorded' }]);
    const done: PlanEvent[] = [
      ...drawn,
      {
        type: 'InspectionOutcomeRecorded',
        data: { subjectId: target.subjectId, outcome: 'no_problem', summary: 'x', inspectedOn: '2026-03-10' },
      },
    ];
    spec.given(done).when(outcome(admin)).thenFails('outcome_recorded', 409);
  });

  it('when an outcome is dated after the day it is recorded, then date_invalid', () => {
    const drawn: PlanEvent[] = [
      ...planned,
      { type: 'InspectionDrawn', data: { ...expected, size: 100, rootHash: '', checkpointSize: 120, inputs } },
    ];
    const target = expected.targets[0]!;
    const outcome = (inspectedOn: string): PlanCommand => ({
      actor: admin,
      type: 'RecordOutcome',
      subjectId: target.subjectId,
      outcome: 'no_problem',
      summary: '未发现问题',
      inspectedOn,
      recordedAt: '2026-03-10T23:30:00+08:00',
    });
    // 2026-03-11 has begun at UTC+14 by then, 2026-03-12 nowhere
    const [recorded] = spec
      .given(drawn)
      .when(outcome('2026-03-11'))
      .then([{ type: 'InspectionOutcomeRecorded', data: { inspectedOn: '2026-03-11' } }]);
    expect(recorded!.data).not.toHaveProperty('recordedAt');
    spec.given(drawn).when(outcome('2026-03-12')).thenFails('date_invalid', 422);
  });
});

describe('the draw candidates', () => {
  const subject = (id: string, extra: Partial<SubjectState> = {}): SubjectState => ({
    exists: true,
    retired: false,
    conflicts: [],
    subjectId: id,
    sector: 'food',
    kind: 'enterprise',
    ...extra,
  });
  it('when subjects are retired, outside the selector, or officers are not certified, then they are no candidates', () => {
    const inputs = drawCandidates(
      { targets: { sectors: ['food'] }, startsOn: '2019-09-01' },
      [
        subject('S2', { conflicts: ['bob', 'olga'] }),
        subject('S1'),
        subject('S3', { retired: true }),
        subject('S4', { sector: 'drugs' }),
      ],
      [officers.bob!, officers.alice!, officers.dave!, officers.eve!, officers.rita!],
    );
    expect(inputs).toEqual({ subjects: ['S1', 'S2'], officers: ['alice', 'bob'], conflicts: [['S2', 'bob']] });
  });
});
