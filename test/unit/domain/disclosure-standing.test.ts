import { disclosureStanding } from '../../../src/domain/case/rules.js';

/** Where a decision's publication stands on a day: as the ledger stood at that day's end (`disclosureStanding`). */
describe('the standing of a publication on a day', () => {
  const dueBy = '2026-11-19';

  it('when an exemption states a day before the last one but was recorded after it, then before its recording the decision was missing, after it exempted', () => {
    const exempted = { dueBy, exemptedOn: '2026-11-12', exemptionRecordedOn: '2026-12-01' };
    expect(disclosureStanding(exempted, '2026-11-25')).toBe('missing');
    expect(disclosureStanding(exempted, '2026-12-01')).toBe('exempted');
    // one recorded the day it states is exempted from that day
    expect(disclosureStanding({ ...exempted, exemptionRecordedOn: '2026-11-12' }, '2026-11-25')).toBe('exempted');
  });

  it('when a publication states a day by the last one, then it is on time if recorded by it, late if recorded after, and absent before its recording', () => {
    const published = { dueBy, publishedOn: '2026-11-18', onTime: true };
    expect(disclosureStanding({ ...published, recordedOn: '2026-11-18' }, '2026-11-30')).toBe('onTime');
    expect(disclosureStanding({ ...published, recordedOn: '2026-11-23' }, '2026-11-30')).toBe('late');
    expect(disclosureStanding({ ...published, recordedOn: '2026-11-23' }, '2026-11-20')).toBe('missing');
    expect(disclosureStanding({ ...published, recordedOn: '2026-11-23' }, '2026-11-19')).toBe('pending');
  });
});
