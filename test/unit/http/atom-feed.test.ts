import { renderFeed } from '../../../src/http/atom.js';
import type { DisclosureDoc } from '../../../projections/disclosures.js';

// The feed document's `updated`: when the document last changed (its latest entry, the checkpoint entry included),
// never when it was read, so that the same feed is the same bytes.

const options = {
  self: 'https://ledger.example/v1/disclosures/feed.atom',
  alternate: 'https://ledger.example/v1/disclosures',
  id: 'urn:evidence-ledger:feed',
  emptyUpdated: '1970-01-01T00:00:00Z',
};
const checkpoint = {
  origin: 'ledger.example/log',
  size: 12,
  rootHash: 'AAAA',
  note: 'ledger.example/log\n12\nAAAA\n',
  issuedAt: '2026-12-06T02:00:00.000Z',
};
const updatedOf = (xml: string) =>
  /<feed[^>]*>\s*<id>[^<]*<\/id>\s*<title>[^<]*<\/title>\s*<updated>([^<]+)</.exec(xml)?.[1];

describe("the Atom feed's updated", () => {
  it('when the page holds nothing, then it is the fixed instant, and with a checkpoint entry, the checkpoint', () => {
    expect(updatedOf(renderFeed([], options))).toBe('1970-01-01T00:00:00Z');
    expect(updatedOf(renderFeed([], { ...options, checkpoint }))).toBe(checkpoint.issuedAt);
  });

  it('when entries are written in other offsets, then the latest instant is taken, not the greatest text', () => {
    const doc = (updatedAt: string): DisclosureDoc => ({
      caseId: 'c-1',
      agency: 'county-justice',
      itemCode: 'P-001',
      decisionType: 'warning',
      legalBasis: '第五十条',
      documentNo: '县司告〔2026〕1号',
      decidedOn: '2026-12-05',
      publishedOn: '2026-12-06',
      updatedAt,
      status: 'published',
      position: 7,
      eventId: 'e-1',
    });
    // 09:30+08:00 is 01:30Z, before the checkpoint's 02:00Z; 11:00+08:00 is 03:00Z, after it
    const early = renderFeed([doc('2026-12-06T09:30:00.000+08:00')], { ...options, checkpoint });
    expect(updatedOf(early)).toBe(checkpoint.issuedAt);
    const late = renderFeed([doc('2026-12-06T11:00:00.000+08:00')], { ...options, checkpoint });
    expect(updatedOf(late)).toBe('2026-12-06T11:00:00.000+08:00');
  });
});
