import {
  INSPECTIONS,
  inspectionKey,
  inspectionsProjection,
  SUBJECTS,
  subjectKey,
  type InspectionDoc,
  type SubjectDoc,
} from '../../../projections/inspections.js';
import { planStream } from '../../../src/domain/inspections/plans.js';
import { subjectStream } from '../../../src/domain/inspections/subjects.js';
import { INSPECTION_EVENTS, PLAN, SUBJECT } from '../../support/inspection-samples.js';
import { project, StreamWriter } from '../../support/projection-spec.js';

const AGENCY = 'county-justice';

describe('the inspections projection (双随机、一公开)', () => {
  it('when a subject declares a conflict and is amended and retired, then its row has the changes and never the conflict', () => {
    const w = new StreamWriter();
    const stream = subjectStream(AGENCY, SUBJECT.subjectId);
    const docs = project(
      [inspectionsProjection],
      [
        ...w.registry(stream, 'SubjectRegistered', { ...SUBJECT }),
        ...w.registry(stream, 'ConflictDeclared', { officerId: 'alice', reason: '近亲属在该企业任职' }),
        ...w.registry(stream, 'SubjectAmended', { changes: { sector: 'catering' }, reason: '变更' }),
        ...w.registry(stream, 'SubjectRetired', { reason: '注销' }),
      ],
    );
    const doc = docs.get<SubjectDoc>(SUBJECTS, subjectKey(AGENCY, SUBJECT.subjectId))!;
    expect(doc).toMatchObject({ subjectId: 'S-0001', sector: 'catering', retired: true });
    expect(JSON.stringify(doc)).not.toContain('近亲属');
  });

  it('when a plan is drawn and an outcome recorded, then the plan row holds the draw and the outcome, its summary scrubbed', () => {
    const w = new StreamWriter();
    const stream = planStream(AGENCY, PLAN.planId);
    const events = [
      ...w.registry(stream, 'InspectionPlanned', { ...INSPECTION_EVENTS.InspectionPlanned }),
      ...w.registry(stream, 'InspectionDrawn', { ...INSPECTION_EVENTS.InspectionDrawn }),
      ...w.registry(stream, 'InspectionOutcomeRecorded', {
        ...INSPECTION_EVENTS.InspectionOutcomeRecorded,
        summary: '责令改正，负责人电话13912345678',
      }),
    ];
    const doc = project([inspectionsProjection], events).get<InspectionDoc>(
      INSPECTIONS,
      inspectionKey(AGENCY, PLAN.planId),
    )!;
    expect(doc).toMatchObject({ status: 'drawn', entryVersion: 2, planEventId: events[0]!.id });
    expect(doc.draw).toMatchObject({ seed: 'ab'.repeat(32), eventId: events[1]!.id });
    expect(doc.outcomes).toEqual([
      expect.objectContaining({ subjectId: 'S-0001', summary: '责令改正，负责人电话[已删除]', eventId: events[2]!.id }),
    ]);
  });
});
