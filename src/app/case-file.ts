import type { CaseState } from '../domain/case/state.js';
import type { EventEnvelope, MediaRef } from '../ledger/envelope.js';

/** The case file (案卷) as `GET /v1/cases/{caseId}` returns it, derived from the case's signed events. */
export interface CaseFile {
  readonly caseId: string;
  readonly agency: string;
  readonly itemCode: string;
  readonly title: string;
  readonly status: string;
  readonly major: boolean;
  readonly revision: number;
  readonly parties: readonly unknown[];
  readonly officers: readonly string[];
  readonly timeline: readonly {
    eventId: string;
    revision: number;
    type: string;
    occurredAt: string;
    recordedAt: string;
    hash: string;
    corrects?: string;
  }[];
  readonly media: readonly MediaRef[];
  readonly reviews: readonly Record<string, unknown>[];
  readonly decision?: {
    decisionType: string;
    fineFen: number;
    decidedOn: string;
    disclosureDueBy: string;
    disclosedOn?: string;
    disclosedOnTime?: boolean;
  };
}

export function caseFile(events: readonly EventEnvelope[], state: CaseState, major: boolean): CaseFile {
  const opened = events[0]!.data as { title: string };
  const media = new Map<string, MediaRef>();
  for (const event of events) for (const m of event.media) media.set(m.sha256, m);
  const reviews = events
    .filter((e) => e.type === 'LegalReviewCompleted' || e.type === 'ReviewDisagreementResolved')
    .map((e) => ({ eventId: e.id, type: e.type, occurredAt: e.occurredAt, ...e.data }));
  const disclosed = [...events].reverse().find((e) => e.type === 'DecisionDisclosed')?.data as
    { publishedOn: string; onTime: boolean } | undefined;
  return {
    caseId: state.caseId!,
    agency: state.agency!,
    itemCode: state.itemCode!,
    title: opened.title,
    status: state.status,
    major,
    revision: events[events.length - 1]!.revision,
    parties: state.parties,
    officers: state.officers,
    timeline: events.map((e) => ({
      eventId: e.id,
      revision: e.revision,
      type: e.type,
      occurredAt: e.occurredAt,
      recordedAt: e.recordedAt,
      hash: e.hash,
      ...(e.type === 'RecordCorrected' ? { corrects: (e.data as { corrects: string }).corrects } : {}),
    })),
    media: [...media.values()],
    reviews,
    ...(state.decision
      ? {
          decision: {
            decisionType: state.decision.decisionType,
            fineFen: state.decision.fineFen,
            decidedOn: state.decision.decidedOn,
            disclosureDueBy: state.decision.disclosureDueBy,
            ...(disclosed ? { disclosedOn: disclosed.publishedOn, disclosedOnTime: disclosed.onTime } : {}),
          },
        }
      : {}),
  };
}
