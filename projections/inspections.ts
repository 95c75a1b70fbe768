import { scrubText } from '../src/domain/redaction.js';
import {
  joinInputs,
  planStream,
  type DrawRecord,
  type InputsPart,
  type OutcomeRecord,
  type PlanProfile,
} from '../src/domain/inspections/plans.js';
import { subjectStream, type SubjectKind } from '../src/domain/inspections/subjects.js';
import { parseAgencyStream } from '../src/domain/streams.js';
import type { Change, Doc, Projection } from '../src/ports/read-models.js';

export const SUBJECTS = 'subjects';
export const INSPECTIONS = 'inspections';

/** A regulated subject as the directory stands (检查对象名录). Conflicts are kept as officer ids, never reasons. */
export interface SubjectDoc extends Doc {
  subjectId: string;
  agency: string;
  name: string;
  kind: SubjectKind;
  sector: string;
  tags: string[];
  retired: boolean;
  registeredAt: string;
  updatedAt: string;
}

/** An inspection plan with its draw and the outcomes recorded so far; summaries scrubbed of identifiers. */
export interface InspectionDoc extends Doc, Omit<PlanProfile, 'targets' | 'sample'> {
  targets: PlanProfile['targets'];
  sample: PlanProfile['sample'];
  treeSizeAtPlan: number;
  entryVersion?: number;
  status: 'planned' | 'drawn';
  plannedAt: string;
  planEventId: string;
  /** The draw, with its inputs put together again when they were recorded in parts. */
  draw?: DrawRecord & { eventId: string; recordedAt: string };
  /** The parts of the draw's inputs recorded so far, until the draw that follows them in the same append. */
  inputParts?: InputsPart[];
  outcomes: (OutcomeRecord & { eventId: string })[];
}

export const subjectKey = (agency: string, subjectId: string): string => subjectStream(agency, subjectId);
export const inspectionKey = (agency: string, planId: string): string => planStream(agency, planId);

const SUBJECT_FIELDS = ['name', 'kind', 'sector', 'tags'] as const;

function pick(source: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(fields.filter((f) => source[f] !== undefined).map((f) => [f, source[f]]));
}

/**
 * The directory of regulated subjects (`subject-<agency>:<id>`) and the inspection plans (`inspection-<agency>:<id>`),
 * for the public lists and pages of "double random, one public" (双随机、一公开).
 */
export const inspectionsProjection: Projection = {
  name: 'inspections',
  version: 2, // 2: an outcome's summary scrubbed of identifiers typed in full-width digits or in groups
  collections: [
    { name: SUBJECTS, indexes: ['agency', 'sector', 'retired'] },
    { name: INSPECTIONS, indexes: ['agency', 'status', 'startsOn'] },
  ],
  apply({ event }, docs): Change[] {
    const data = event.data as Record<string, unknown>;
    const at = event.recordedAt;
    const stream = parseAgencyStream(event.stream);
    if (stream?.category === 'subject') {
      const key = subjectKey(stream.agency, stream.id);
      const current = docs.get<SubjectDoc>(SUBJECTS, key);
      if (event.type === 'SubjectRegistered') {
        const doc = { subjectId: stream.id, agency: stream.agency, tags: [], ...pick(data, SUBJECT_FIELDS) };
        return [{ collection: SUBJECTS, key, doc: { ...doc, retired: false, registeredAt: at, updatedAt: at } }];
      }
      if (!current || (event.type !== 'SubjectAmended' && event.type !== 'SubjectRetired')) return [];
      const changes =
        event.type === 'SubjectAmended'
          ? pick(data.changes as Record<string, unknown>, SUBJECT_FIELDS)
          : { retired: true };
      return [{ collection: SUBJECTS, key, doc: { ...current, ...changes, updatedAt: at } }];
    }
    if (stream?.category !== 'inspection') return [];
    const key = inspectionKey(stream.agency, stream.id);
    const current = docs.get<InspectionDoc>(INSPECTIONS, key);
    switch (event.type) {
      case 'InspectionPlanned':
        return [
          {
            collection: INSPECTIONS,
            key,
            doc: { ...data, status: 'planned', plannedAt: at, planEventId: event.id, outcomes: [] },
          },
        ];
      case 'InspectionInputsPublished': {
        if (!current) return [];
        const parts = [...(current.inputParts ?? []), data as unknown as InputsPart];
        return [{ collection: INSPECTIONS, key, doc: { ...current, inputParts: parts } }];
      }
      case 'InspectionDrawn': {
        if (!current) return [];
        const { inputParts: parts, ...rest } = current;
        const drawn = data as unknown as DrawRecord;
        const inputs = drawn.inputParts === undefined ? drawn.inputs : joinInputs([...(parts ?? []), drawn.inputs]);
        const draw = { ...drawn, inputs, eventId: event.id, recordedAt: at };
        return [{ collection: INSPECTIONS, key, doc: { ...rest, status: 'drawn', draw } }];
      }
      case 'InspectionOutcomeRecorded': {
        if (!current) return [];
        const outcome = { ...(data as unknown as OutcomeRecord), eventId: event.id };
        const scrubbed = { ...outcome, summary: scrubText(outcome.summary) };
        return [{ collection: INSPECTIONS, key, doc: { ...current, outcomes: [...current.outcomes, scrubbed] } }];
      }
    }
    return [];
  },
};
