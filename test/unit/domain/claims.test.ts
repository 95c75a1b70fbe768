import type { Claim } from '../../../src/domain/claims.js';
import {
  documentNumberClaimDecider,
  documentNumberClaimStream,
  type DocumentNumberClaimedEvent,
} from '../../../src/domain/case/document-number-claims.js';
import { agencyNameClaimDecider, agencyNameClaimStream } from '../../../src/domain/registry/agency-name-claims.js';
import { parseAgencyStream } from '../../../src/domain/streams.js';
import { webhookClaimDecider, webhookClaimStream } from '../../../src/domain/webhooks/subscription-claims.js';
import { specification } from '../../support/decider-spec.js';
import { actors } from '../../support/domain.js';

const NUMBER = '县司罚决字〔2026〕12号';
const spec = specification(documentNumberClaimDecider);
const claim = (holder: string, more: Partial<Claim> = {}): Claim => ({
  type: 'Claim',
  actor: actors.alice,
  value: NUMBER,
  holder,
  ...more,
});
const claimed = (caseId: string): DocumentNumberClaimedEvent => ({
  type: 'DocumentNumberClaimed',
  data: { documentNo: NUMBER, caseId },
});

describe('claims of a value (document numbers, agency names)', () => {
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

  it('when another agency holds the last claim of a name, then the claim is 409 agency_name_taken naming it', () => {
    const names = specification(agencyNameClaimDecider);
    const byCity = { type: 'AgencyNameClaimed' as const, data: { name: '县司法局', agency: 'city' } };
    const refused = names
      .given([byCity])
      .when({ type: 'Claim', actor: actors.head, value: '县司法局', holder: 'county' })
      .thenFails('agency_name_taken', 409);
    expect(refused.details).toMatchObject({ heldBy: 'city', member: 'name' });
    names
      .given([byCity])
      .when({ type: 'Claim', actor: actors.head, value: '县司法局', holder: 'county', standing: 'released' })
      .then([{ type: 'AgencyNameClaimed', data: { name: '县司法局', agency: 'county' } }]);
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

  it('when two names compare alike (white space, full-width forms), then they have one stream, of no agency', () => {
    const stream = agencyNameClaimStream('县司法局');
    expect(stream).toMatch(/^agencyname-[0-9a-f]{64}$/);
    expect(parseAgencyStream(stream)).toBeUndefined();
    expect(agencyNameClaimStream('县 司法局')).toBe(stream);
    expect(agencyNameClaimStream('ＡＢＣ司法局')).toBe(agencyNameClaimStream('ABC司法局'));
    expect(agencyNameClaimStream('市司法局')).not.toBe(stream);
  });

  it('when a subscription claims what it delivers, then the claim holds its SHA-256, never the URL, and another subscription is 409 webhook_duplicate', () => {
    const hooks = specification(webhookClaimDecider);
    const deliveries = 'https://erp.example/hook?token=secret\n*\nenvelope';
    const [made] = hooks
      .given([])
      .when({ type: 'Claim', actor: actors.head, value: deliveries, holder: 'wh-1' })
      .then([{ type: 'WebhookDeliveriesClaimed', data: { webhookId: 'wh-1' } }]);
    expect(made!.data.deliveries).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(made)).not.toContain('secret');
    const refused = hooks
      .given([made!])
      .when({ type: 'Claim', actor: actors.head, value: deliveries, holder: 'wh-2' })
      .thenFails('webhook_duplicate', 409);
    expect(refused.details).toMatchObject({ webhookId: 'wh-1' });
    expect(parseAgencyStream(webhookClaimStream('county-justice', deliveries))).toMatchObject({
      category: 'webhookclaim',
      agency: 'county-justice',
    });
  });
});
