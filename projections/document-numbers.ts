import type { Change, Doc, Projection } from '../src/ports/read-models.js';
import { caseKey, caseOf } from './case-files.js';
import { withOpenedText } from './opened-text.js';

/**
 * Which case's decision bears a document number (文书号) of an agency: the number as issued (`DecisionIssued`), or as
 * a correction of the decision (`RecordCorrected` naming its `documentNo`) changed it. The decider refuses a number
 * another case of the agency bears (`document_number_taken`). A number is its first case's: a later decision the log
 * holds with it (recorded before the rule) does not take it over. Key: {@link documentNumberKey}.
 */
export interface DocumentNumberDoc extends Doc {
  readonly agency: string;
  readonly documentNo: string;
  readonly caseId: string;
  /** The event that gave the case the number: its decision, or the correction. */
  readonly eventId: string;
}

/** A decided case's decision event and the number its decision bears now. Key: the case's {@link caseKey}. */
export interface DecisionNumberDoc extends Doc {
  readonly decisionEventId: string;
  readonly documentNo: string;
}

export const DOCUMENT_NUMBERS = 'document_numbers';
export const DECISION_NUMBERS = 'decision_numbers';

/** The key of an agency's document number (the agency's id holds no line feed). */
export function documentNumberKey(agency: string, documentNo: string): string {
  return `${agency}\n${documentNo}`;
}

export const documentNumbersProjection: Projection = {
  name: 'document-numbers',
  version: 1,
  collections: [{ name: DOCUMENT_NUMBERS }, { name: DECISION_NUMBERS }],
  apply({ event, opened }, docs): Change[] {
    if (event.type !== 'DecisionIssued' && event.type !== 'RecordCorrected') return [];
    const ofCase = caseOf(event.stream);
    if (!ofCase) return [];
    const { agency, caseId } = ofCase;
    const decisionKey = caseKey(agency, caseId);
    const data = event.data as Record<string, unknown>;
    const give = (documentNo: string): Change[] => {
      const key = documentNumberKey(agency, documentNo);
      if (docs.get(DOCUMENT_NUMBERS, key)) return [];
      const doc: DocumentNumberDoc = { agency, documentNo, caseId, eventId: event.id };
      return [{ collection: DOCUMENT_NUMBERS, key, doc }];
    };
    if (event.type === 'DecisionIssued') {
      if (typeof data.documentNo !== 'string') return [];
      const doc: DecisionNumberDoc = { decisionEventId: event.id, documentNo: data.documentNo };
      return [{ collection: DECISION_NUMBERS, key: decisionKey, doc }, ...give(data.documentNo)];
    }
    const decided = docs.get<DecisionNumberDoc>(DECISION_NUMBERS, decisionKey);
    if (!decided || data.corrects !== decided.decisionEventId) return [];
    // the correction's members are sealed whole where the case has a data key: as the runner opened them
    const members = withOpenedText(event.type, data, opened).data as Record<string, unknown> | string;
    const documentNo = typeof members === 'object' && members !== null ? members.documentNo : undefined;
    if (typeof documentNo !== 'string' || documentNo === decided.documentNo) return [];
    const previousKey = documentNumberKey(agency, decided.documentNo);
    const previous = docs.get<DocumentNumberDoc>(DOCUMENT_NUMBERS, previousKey);
    const doc: DecisionNumberDoc = { ...decided, documentNo };
    return [
      ...(previous?.caseId === caseId ? [{ collection: DOCUMENT_NUMBERS, key: previousKey, doc: null }] : []),
      { collection: DECISION_NUMBERS, key: decisionKey, doc },
      ...give(documentNo),
    ];
  },
};

/** The case of the agency whose decision bears `documentNo`, if any (the read models as applied). */
export function documentNumberHolder(
  docs: { get<D extends Doc = Doc>(collection: string, key: string): D | undefined },
  agency: string,
  documentNo: string,
): string | undefined {
  return docs.get<DocumentNumberDoc>(DOCUMENT_NUMBERS, documentNumberKey(agency, documentNo))?.caseId;
}
