import type { DisclosureDoc } from '../../projections/disclosures.js';
import { MERKLE, leafKey, type LeafDoc } from '../../projections/merkle.js';
import {
  attestedTimeliness,
  disclosureDeadline,
  earliestAttested,
  type AttestationSource,
  type Timeliness,
} from '../ledger/timeliness.js';
import { readTimestampToken } from '../ledger/timestamp-token.js';
import type { ReadModelStore } from '../ports/read-models.js';
import type { SignedCheckpoint } from './transparency-log.js';
import type { WitnessTimes } from './witness-times.js';

/**
 * "Published by <attested time>, due <date>: on time / late / not yet attested" (docs/integrity.md §15.5), as the
 * service states it from its read models: the earlier of the earliest `genTime` + accuracy of the tokens of the
 * smallest time-stamped checkpoint that covers the `DecisionDisclosed` event, and the time a quorum of the
 * configured witnesses vouches for by their cosignatures of checkpoints covering it, against the end of the due
 * date in the agency's time. The service verified each token and cosignature before it recorded it; a reader checks
 * the same with `ledger verify`.
 */
export interface DisclosureAttestation {
  readonly dueBy: string;
  /** The end of `dueBy` in the agency's UTC offset, as an instant (RFC 3339, UTC). */
  readonly deadline: string;
  readonly status: Timeliness;
  /** The attested time, when a time-stamped or (by a quorum of witnesses) cosigned checkpoint covers the event. */
  readonly attestedBy?: string;
  /** Where it comes from: an RFC 3161 time-stamp, or the witnesses' cosignatures. */
  readonly source?: AttestationSource;
  /** The size of the checkpoint whose time-stamp (or whose cosignature completing the quorum) gives it. */
  readonly checkpointSize?: number;
}

export interface DisclosureAttestationsDependencies {
  readonly readModels: ReadModelStore;
  readonly log: { stampedCovering(leafIndex: number, maxSize: number): SignedCheckpoint | undefined };
  readonly utcOffsetOf: (agency: string) => number;
  /** The configured witnesses' times, when there are witnesses. */
  readonly witnessTimes?: Pick<WitnessTimes, 'quorumTime'>;
}

export class DisclosureAttestations {
  constructor(private readonly deps: DisclosureAttestationsDependencies) {}

  /** The attestation of a disclosure event due by `dueBy`; undefined for a due date that is not a date. */
  of(agency: string, eventId: string, dueBy: string): DisclosureAttestation | undefined {
    const deadline = disclosureDeadline(dueBy, this.deps.utcOffsetOf(agency));
    if (!deadline) return undefined;
    const leaf = this.deps.readModels.get<LeafDoc>(MERKLE, leafKey(eventId));
    const checkpoint = leaf ? this.deps.log.stampedCovering(leaf.index, Number.MAX_SAFE_INTEGER) : undefined;
    let stamped: number | undefined;
    for (const { token, genTime } of checkpoint?.timestamps ?? []) {
      let accuracyMs = 0;
      try {
        accuracyMs = readTimestampToken(Buffer.from(token, 'base64')).accuracyMs ?? 0;
      } catch {
        continue; // recorded only once verified: a token that no longer reads attests nothing
      }
      const ms = Date.parse(genTime) + accuracyMs;
      if (stamped === undefined || ms < stamped) stamped = ms;
    }
    const witnessed = leaf ? this.deps.witnessTimes?.quorumTime(leaf.index, Number.MAX_SAFE_INTEGER) : undefined;
    const attested = earliestAttested(stamped, witnessed?.ms);
    const size = attested?.source === 'witnesses' ? witnessed!.checkpointSize : checkpoint?.size;
    return {
      dueBy,
      deadline: deadline.iso,
      status: attestedTimeliness(attested?.ms, deadline.ms),
      ...(attested ? { attestedBy: new Date(attested.ms).toISOString(), source: attested.source } : {}),
      ...(attested && size !== undefined ? { checkpointSize: size } : {}),
    };
  }
}

/**
 * `{attestation}` of a published decision whose disclosure event and due date are known; nothing otherwise, and
 * nothing where neither a time-stamping authority nor a witness is configured (`attestations` absent: every
 * disclosure would be "not attested"). One rule for the public list, the decision page and the supervision views.
 */
export function attestationOf(
  attestations: Pick<DisclosureAttestations, 'of'> | undefined,
  d: DisclosureDoc | undefined,
): { attestation?: DisclosureAttestation } {
  if (!attestations || d?.status !== 'published' || !d.disclosedEventId || !d.dueBy) return {};
  const attestation = attestations.of(d.agency, d.disclosedEventId, d.dueBy);
  return attestation ? { attestation } : {};
}
