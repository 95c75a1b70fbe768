import {
  documentNumberClaimDecider,
  documentNumberClaimStream,
  type ClaimDocumentNumber,
  type DocumentNumberClaimedEvent,
} from '../../../src/domain/case/document-number-claims.js';
import { parseAgencyStream } from '../../../src/domain/streams.js';
import { specification } from '../../support/decider-spec.js';
import { actors } from '../../support/domain.js';

const NUMBER = '县司罚决字〔2026〕12号';
const spec = specification(documentNumberClaimDecider);
const claim = (caseId: string, more: Partial<ClaimDocumentNumber> = {}): ClaimDocumentNumber => ({
  type: 'ClaimDocumentNumber',
  actor: actors.alice,
  documentNo: NUMBER,
  caseId,
  ...more,
});
const claimed = (caseId: string): DocumentNumberClaimedEvent => ({
  type: 'DocumentNumberClaimed',
  data: { documentNo: NUMBER, caseId },
});

describe('document number claims', () => {
  it('when a number no case claimed is claimed, then the claim names the case', () => {
    spec
      .given([])
      .when(claim('case-1'))
      .then([{ type: 'DocumentNumberClaimed', data: { documentNo: NUMBER, caseId: 'case-1' } }]);
  });

  it('when the case holding the last claim claims the number again, then nothing is recorded', () => {
    spec
      .given([claimed('case-2'), claimed('case-1')])
      .when(claim('case-1'))
      .then([]);
  });

  it('when another case holds the last claim, then the claim is 409 document_number_taken naming it, unless that claim is released', () => {
    const refused = spec
      .given([claimed('case-1')])
      .when(claim('case-2'))
      .thenFails('document_number_taken', 409);
    expect(refused.details).toMatchObject({ heldBy: 'case-1' });
    spec
      .given([claimed('case-1')])
      .when(claim('case-2', { standing: 'held' }))
      .thenFails('document_number_taken');
    spec
      .given([claimed('case-1')])
      .when(claim('case-2', { standing: 'released' }))
      .then([{ data: { caseId: 'case-2' } }]);
    // only the last claim counts: a case that held the number before holds nothing now
    spec
      .given([claimed('case-1'), claimed('case-2')])
      .when(claim('case-1'))
      .thenFails('document_number_taken');
  });

  it('when a number holds characters no stream name keeps, then its stream is the agency’s, named by the number’s SHA-256', () => {
    const stream = documentNumberClaimStream('county-justice', NUMBER);
    expect(parseAgencyStream(stream)).toEqual({
      category: 'docnumber',
      agency: 'county-justice',
      id: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(documentNumberClaimStream('county-justice', `${NUMBER} `)).not.toBe(stream);
    expect(documentNumberClaimStream('city-market', NUMBER)).not.toBe(stream);
  });
});
