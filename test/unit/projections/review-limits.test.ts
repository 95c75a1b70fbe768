import { caseKey, REVIEW_LIMITS, reviewLimitKey, type ReviewLimitDoc } from '../../../projections/case-files.js';
import { PROJECTIONS } from '../../../projections/index.js';
import type { RecordedCaseEvent } from '../../../src/domain/case/acts.js';
import { overdueReviewView } from '../../../src/app/case-file-views.js';
import { act, actors, CHECKS_PASSED, opened, record } from '../../support/domain.js';
import { project, StreamWriter } from '../../support/projection-spec.js';

const AGENCY = 'county-justice';
const CASE = '2019-042'; // the case `opened()` opens
const proposed = { decisionType: 'warning', legalBasis: '《律师法》第五十条' } as const;
const request = (occurredAt: string) =>
  act('LegalReviewRequested', { proposed }, { occurredAt, officers: ['alice', 'bob'] });
const review = (occurredAt: string) =>
  act(
    'LegalReviewCompleted',
    { outcome: 'approved', opinion: '同意', checks: CHECKS_PASSED },
    { actor: actors.rita, occurredAt },
  );

function rows(events: RecordedCaseEvent[]): ReviewLimitDoc[] {
  const writer = new StreamWriter();
  const docs = project(PROJECTIONS, writer.caseEvents(CASE, events));
  return docs.all<ReviewLimitDoc>(REVIEW_LIMITS).sort((a, b) => a.requestedOn.localeCompare(b.requestedOn));
}

describe('the rows of the requests for legal review (review_limits)', () => {
  it('when a review completed late is followed by a new request, then both requests keep a row, the late one completed', () => {
    const events = record(
      opened(),
      request('2019-09-02T09:00:00+08:00'),
      review('2019-09-20T09:00:00+08:00'),
      request('2019-09-23T09:00:00+08:00'),
    );
    const [first, second] = rows(events);
    const requests = events.filter((e) => e.type === 'LegalReviewRequested');
    expect(first).toMatchObject({
      caseId: CASE,
      agency: AGENCY,
      requestEventId: requests[0]!.id,
      requestedOn: '2019-09-02',
      completedOn: '2019-09-20',
    });
    expect(second).toMatchObject({ requestEventId: requests[1]!.id, requestedOn: '2019-09-23' });
    expect(second!.completedOn).toBeUndefined();
    // the fixture records every act on 2026-11-20: judged after that day, the completion is there, late
    expect(overdueReviewView(first!, '2026-11-21')).toMatchObject({ status: 'completed_late' });
    expect(overdueReviewView(second!, '2026-11-21')).toMatchObject({ status: 'overdue' });
    // judged on a day before it was recorded, as the ledger then stood: not completed, overdue to that day
    expect(overdueReviewView(first!, '2019-10-31')).toMatchObject({ status: 'overdue' });
    expect(overdueReviewView(first!, '2019-10-31')).not.toHaveProperty('completedOn');
    expect(overdueReviewView(second!, second!.dueBy)).toBeUndefined();
  });

  it('when a request still pending is followed by another (a log from before 409 review_pending), then only the later one keeps a row', () => {
    const events = record(opened(), request('2019-09-02T09:00:00+08:00'));
    const [, pending] = events;
    // the decider now refuses a second request while one is pending: the older log's second request is made by hand
    const again = {
      ...pending!,
      id: '00000000-0000-7000-8000-0000000a0001',
      occurredAt: '2019-09-10T09:00:00+08:00',
      data: { ...pending!.data, reviewDueBy: '2019-09-18' },
    } as RecordedCaseEvent;
    const [only, ...rest] = rows([...events, again]);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ requestEventId: again.id, requestedOn: '2019-09-10', dueBy: '2019-09-18' });
    expect(reviewLimitKey(caseKey(AGENCY, CASE), again.id)).toBe(`${caseKey(AGENCY, CASE)}/${again.id}`);
  });
});
