import { createClient } from '../src/index.js';

/**
 * The README's tour from TypeScript: open a case, record an act, read the case file back, export the evidence
 * bundle, have the service verify it (any verifier would do) and pull the agency's feed. Tokens come from `npx ledger token` in the embedded default, e.g.
 *   npx ledger token --sub alice --agency county-justice --roles officer
 * (the officers `alice` and `bob` and the item `P-001` registered as scripts/tour.sh does).
 */
export async function tour(baseUrl: string, tokens: { officer: string; integration: string }) {
  const ledger = createClient({ baseUrl, token: tokens.officer });

  const caseId = `tour-${Date.now()}`;
  const opened = await ledger.POST('/v1/cases', {
    body: {
      caseId,
      itemCode: 'P-001',
      title: '未按规定公示执业信息',
      openedOn: '2026-11-20',
      officers: ['alice', 'bob'],
      parties: [{ kind: 'organization', name: '某律师事务所' }],
    },
  });
  if (!opened.data) throw new Error(`opening the case: ${opened.error?.code}`);

  const act = await ledger.POST('/v1/cases/{caseId}/acts', {
    params: { path: { caseId } },
    body: {
      type: 'OnSiteInspectionRecorded',
      occurredAt: '2026-11-20T09:30:00+08:00',
      officers: ['alice', 'bob'],
      data: { location: '某律师事务所', findings: '未公示执业信息', credentialsShown: true, partyNotified: true },
    },
  });
  if (!act.data) throw new Error(`recording the act: ${act.error?.code}`);

  // consistentWith: wait until the case file has applied the act just written
  const file = await ledger.GET('/v1/cases/{caseId}', {
    params: { path: { caseId }, query: { consistentWith: act.data.position } },
  });
  if (!file.data) throw new Error(`reading the case: ${file.error?.code}`);

  const bundle = await ledger.GET('/v1/cases/{caseId}/bundle', {
    params: { path: { caseId } },
    parseAs: 'arrayBuffer',
  });
  if (!bundle.data) throw new Error(`exporting the bundle: ${bundle.error?.code}`);

  // the bundle's bytes as they are (not JSON): the report says whether every signature, hash and proof holds
  const report = await ledger.POST('/v1/verify', {
    body: bundle.data,
    headers: { 'content-type': 'application/x-tar' },
  });
  if (!report.data) throw new Error(`verifying the bundle: ${report.error?.code}`);

  // another system pulls the agency's signed events after the last position it processed
  const feed = createClient({ baseUrl, token: tokens.integration });
  const page = await feed.GET('/v1/events', { params: { query: { after: '0', types: 'OnSiteInspectionRecorded' } } });
  if (!page.data) throw new Error(`pulling the feed: ${page.error?.code}`);

  return {
    caseId,
    timeline: file.data.timeline.map((entry) => entry.type),
    bundleBytes: bundle.data.byteLength,
    bundleValid: report.data.valid,
    feed: page.data,
  };
}
