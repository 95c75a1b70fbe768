import { PROJECTIONS, REBUILD_SECOND_THREAD } from '../../../projections/index.js';
import {
  DOCUMENT_NUMBERS,
  documentNumberHolder,
  documentNumbersProjection,
  type DocumentNumberDoc,
} from '../../../projections/document-numbers.js';
import type { EventEnvelope } from '../../../src/ledger/envelope.js';
import { act, record } from '../../support/domain.js';
import { project, StreamWriter } from '../../support/projection-spec.js';

const AGENCY = 'county-justice';

const opened = (caseId: string) =>
  act('CaseOpened', {
    caseId,
    itemCode: 'P-001',
    title: '某律所未公示执业信息案',
    openedOn: '2019-09-02',
    officers: ['alice', 'bob'],
    parties: [{ kind: 'organization', name: '某某律师事务所' }],
  });
const decided = (documentNo: string) =>
  act('DecisionIssued', {
    decisionType: 'warning',
    legalBasis: '《律师法》第五十条',
    documentNo,
    decidedOn: '2019-09-27',
  });
const corrected = (corrects: string, data: Record<string, unknown>) =>
  act('RecordCorrected', { corrects, reason: '笔误', data }, { occurredAt: '2019-09-30T10:00:00+08:00' });

const writer = new StreamWriter();
/** A case's events as recorded. */
function caseEvents(caseId: string, ...commands: ReturnType<typeof act>[]): EventEnvelope[] {
  return writer.caseEvents(caseId, record(opened(caseId), ...commands));
}

const holders = (events: EventEnvelope[], ...numbers: string[]) => {
  const docs = project([documentNumbersProjection], events);
  return numbers.map((documentNo) => documentNumberHolder(docs, AGENCY, documentNo));
};

describe('the document-numbers projection', () => {
  it('given decisions, then each number is its case’s, the first case’s when two bear one', () => {
    const events = [
      ...caseEvents('a', decided('县司告〔2019〕1号')),
      ...caseEvents('b', decided('县司告〔2019〕2号')),
      // a decision recorded before the rule under a number another case bears
      ...caseEvents('c', decided('县司告〔2019〕1号')),
    ];
    expect(holders(events, '县司告〔2019〕1号', '县司告〔2019〕2号', '县司告〔2019〕3号')).toEqual([
      'a',
      'b',
      undefined,
    ]);
    const doc = project([documentNumbersProjection], events).all<DocumentNumberDoc>(DOCUMENT_NUMBERS);
    expect(doc).toContainEqual({
      agency: AGENCY,
      documentNo: '县司告〔2019〕2号',
      caseId: 'b',
      eventId: events.find((e) => e.type === 'DecisionIssued' && e.stream.endsWith(':b'))!.id,
    });
  });

  it("given a correction of the decision's number, then the new number is the case's and the old one free", () => {
    const opening = opened('a');
    const decision = decided('县司告〔2019〕1号');
    const events = writer.caseEvents(
      'a',
      record(
        opening,
        decision,
        // what is not a decision's number changes nothing: the opening's, a decision's other member
        corrected(opening.act.id, { title: '更正' }),
        corrected(decision.act.id, { legalBasis: '《律师法》第五十条第一款' }),
        corrected(decision.act.id, { documentNo: '县司告〔2019〕11号' }),
      ),
    );
    expect(holders(events.slice(0, 4), '县司告〔2019〕1号', '县司告〔2019〕11号')).toEqual(['a', undefined]);
    expect(holders(events, '县司告〔2019〕1号', '县司告〔2019〕11号')).toEqual([undefined, 'a']);
  });

  it('is applied on the second thread of a rebuild: it reads no documents but its own', () => {
    expect(PROJECTIONS.map((p) => p.name)).toContain('document-numbers');
    expect(REBUILD_SECOND_THREAD).toContain('document-numbers');
  });
});
