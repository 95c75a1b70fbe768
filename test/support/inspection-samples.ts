import type { PlanEvent, PlanProfile } from '../../src/domain/inspections/plans.js';
import type { SubjectEvent, SubjectProfile } from '../../src/domain/inspections/subjects.js';

/** Samples of the inspection events and bodies, typed by the domain: test/unit/domain/schemas-agree.test.ts checks the schemas accept them. */

/** The members of `O` that are not optional, as a set the compiler checks both ways (none missing, none extra). */
type RequiredKeys<O> = { [K in keyof O]-?: Record<never, never> extends Pick<O, K> ? never : K }[keyof O];
type KeySet<O> = { readonly [K in RequiredKeys<O>]: true };

type InspectionEvent = SubjectEvent | PlanEvent;

export const SUBJECT: Required<SubjectProfile> = {
  subjectId: 'S-0001',
  agency: 'county-justice',
  name: '陵川县某某食品有限公司',
  kind: 'enterprise',
  sector: 'food',
  tags: ['restaurant'],
};
const SUBJECT_REQUIRED: KeySet<SubjectProfile> = {
  subjectId: true,
  agency: true,
  name: true,
  kind: true,
  sector: true,
};

export const PLAN: Required<PlanProfile> = {
  planId: 'P-2026-01',
  agency: 'county-justice',
  entryId: 'E-01',
  title: '2026年第一季度食品经营抽查',
  targets: { kinds: ['enterprise'], sectors: ['food'], tags: ['restaurant'] },
  sample: { percent: 10 },
  inspectorsPerTarget: 2,
  drawAtSize: 1200,
  startsOn: '2026-03-01',
  endsOn: '2026-03-31',
};
const PLAN_REQUIRED: KeySet<PlanProfile> = {
  planId: true,
  agency: true,
  entryId: true,
  title: true,
  targets: true,
  sample: true,
  inspectorsPerTarget: true,
  drawAtSize: true,
  startsOn: true,
  endsOn: true,
};
const CONFLICT = { officerId: 'alice', reason: '近亲属在该企业任职' };
const TARGETS = [{ subjectId: 'S-0001', inspectors: ['alice', 'bob'] }];
const OUTCOME = {
  subjectId: 'S-0001',
  outcome: 'problems_found',
  summary: '发现问题，已责令改正',
  inspectedOn: '2026-03-10',
  caseId: 'C-2026-0007',
} as const;

export const INSPECTION_EVENTS: { [E in InspectionEvent as E['type']]: Required<E['data']> } = {
  SubjectRegistered: SUBJECT,
  SubjectAmended: { changes: { sector: 'catering', tags: [] }, reason: '经营范围变更' },
  SubjectRetired: { reason: '注销' },
  ConflictDeclared: CONFLICT,
  ConflictWithdrawn: CONFLICT,
  InspectionPlanned: { ...PLAN, treeSizeAtPlan: 1000, entryVersion: 2 },
  InspectionDrawn: {
    size: 1200,
    rootHash: Buffer.alloc(32, 1).toString('base64'),
    checkpointSize: 1210,
    seed: 'ab'.repeat(32),
    inputsDigest: 'cd'.repeat(32),
    inputs: { subjects: ['S-0001', 'S-0002'], officers: ['alice', 'bob'], conflicts: [['S-0002', 'alice']] },
    inputParts: 3,
    targets: TARGETS,
  },
  InspectionInputsPublished: {
    part: 1,
    parts: 3,
    subjects: ['S-0001', 'S-0002'],
    officers: ['alice', 'bob'],
    conflicts: [['S-0002', 'alice']],
  },
  InspectionOutcomeRecorded: OUTCOME,
};
export const INSPECTION_REQUIRED: { [E in InspectionEvent as E['type']]: KeySet<E['data']> } = {
  SubjectRegistered: SUBJECT_REQUIRED,
  SubjectAmended: { changes: true, reason: true },
  SubjectRetired: { reason: true },
  ConflictDeclared: { officerId: true, reason: true },
  ConflictWithdrawn: { officerId: true, reason: true },
  InspectionPlanned: { ...PLAN_REQUIRED, treeSizeAtPlan: true },
  InspectionDrawn: {
    size: true,
    rootHash: true,
    checkpointSize: true,
    seed: true,
    inputsDigest: true,
    inputs: true,
    targets: true,
  },
  InspectionInputsPublished: { part: true, parts: true },
  InspectionOutcomeRecorded: { subjectId: true, outcome: true, summary: true, inspectedOn: true },
};

/** The command bodies: name, a sample with every member, the required members. */
export const INSPECTION_COMMANDS: [name: string, sample: object, required: object][] = [
  ['register-subject', SUBJECT, SUBJECT_REQUIRED],
  ['declare-conflict', CONFLICT, { officerId: true, reason: true }],
  ['withdraw-conflict', { reason: CONFLICT.reason }, { reason: true }],
  ['plan-inspection', PLAN, PLAN_REQUIRED],
  ['record-draw', { seed: 'ab'.repeat(32), targets: TARGETS }, {}],
  ['record-outcome', OUTCOME, { subjectId: true, outcome: true, summary: true, inspectedOn: true }],
];
