import type { Role } from '../src/domain/actor.js';
import { AGENCY_PROFILE_MEMBERS, type AgencyProfile } from '../src/domain/registry/agency-profile.js';
import { ITEM_MEMBERS, itemStream, type ItemCategory, type MajorCriteria } from '../src/domain/registry/items.js';
import type { RetentionPeriod } from '../src/domain/registry/retention.js';
import {
  OFFICER_MEMBERS,
  officerStream,
  type CounselRole,
  type OfficerStatus,
} from '../src/domain/registry/officers.js';
import { parseAgencyStream } from '../src/domain/streams.js';
import { certificateSummary, type CertificateSummary } from '../src/ledger/officer-certificate.js';
import type { Change, Doc, Projection } from '../src/ports/read-models.js';

/** An officer as the registry stands: the public officer list and the lookups of the other projections. Key: {@link officerKey}. */
export interface OfficerDoc extends Doc {
  officerId: string;
  name: string;
  agency: string;
  certificateNo: string;
  validFrom: string;
  validTo: string;
  roles: Role[];
  categories: string[];
  legalQualification?: { certificateNo: string; grantedOn: string };
  training?: { course: string; completedOn: string; hours?: number }[];
  /** The role in which they give legal opinions on cases (法律顾问, 公职律师), when they do. */
  counsel?: CounselRole;
  status: OfficerStatus;
  /** The officer's own signing keys (public), in registration order; a revoked key keeps its place. */
  keys?: OfficerKeyDoc[];
  registeredAt: string;
  updatedAt: string;
}

/**
 * An officer's signing key as the public list shows it: the public key, its validity, the certificate it was
 * registered with (when it was), and, once revoked, from when, why and when the revocation was recorded.
 */
export interface OfficerKeyDoc {
  keyId: string;
  alg: 'Ed25519';
  publicKey: string;
  validFrom: string;
  validTo?: string;
  certificate?: CertificateSummary;
  revokedFrom?: string;
  /** The reason the revocation gives: a reason about the key (遗失, 调岗, 泄露), published as recorded. */
  revocationReason?: string;
  /** When the revocation was recorded (its event's `recordedAt`); `revokedFrom` may lie before it. */
  revokedAt?: string;
}

/** An enforcement item (执法事项) as the list stands. Key: {@link itemKey}. */
export interface ItemDoc extends Doc {
  code: string;
  agency: string;
  name: string;
  category: ItemCategory;
  field?: string;
  legalBasis: string;
  duties?: string;
  powers?: string;
  major?: MajorCriteria;
  reviewMaterials?: string[];
  reviewWorkingDays?: number;
  disclosureWorkingDays?: number;
  retention?: RetentionPeriod;
  retired: boolean;
  registeredAt: string;
  updatedAt: string;
}

/**
 * An agency's public profile as it stands (行政执法主体: its name, address, hours, telephones): what the pages show an
 * agency by. Key: the agency's code.
 */
export interface AgencyDoc extends Doc, AgencyProfile {
  agency: string;
  /** The profile's version: 1 for the first recorded. */
  version: number;
  updatedAt: string;
}

/** The collection of the agencies' profiles. */
export const AGENCIES = 'agencies';

/** Keys: the entry's stream name, unambiguous per agency (`src/domain/streams.ts`). */
export const officerKey = (agency: string, officerId: string): string => officerStream(agency, officerId);
export const itemKey = (agency: string, code: string): string => itemStream(agency, code);

function pick(source: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(fields.filter((f) => source[f] !== undefined).map((f) => [f, source[f]]));
}

function withKey(keys: OfficerKeyDoc[], type: string, data: Record<string, unknown>, at: string): OfficerKeyDoc[] {
  if (type === 'OfficerKeyRevoked') {
    const revoked = { revokedFrom: data.revokedFrom as string, revocationReason: data.reason as string, revokedAt: at };
    return keys.map((k) => (k.keyId === data.keyId ? { ...k, ...revoked } : k));
  }
  const { keyId, alg, publicKey, validFrom, validTo } = data as unknown as OfficerKeyDoc;
  const certificate = typeof data.certificate === 'string' ? certificateSummary(data.certificate) : undefined;
  return [
    ...keys,
    {
      keyId,
      alg,
      publicKey,
      validFrom,
      ...(validTo === undefined ? {} : { validTo }),
      ...(certificate === undefined ? {} : { certificate }),
    },
  ];
}

/**
 * The officer and item registries, from the `officer-<agency>:<id>` and `item-<agency>:<code>` streams, and the
 * agencies' profiles, from the `agency-<agency>:profile` streams; the agency and id come from the stream name as
 * `parseAgencyStream` reads it.
 */
export const registryProjection: Projection = {
  name: 'registry',
  version: 10,
  collections: [
    { name: 'officers', indexes: ['agency', 'status', 'validTo'] },
    { name: 'items', indexes: ['agency', 'category', 'retired'] },
    { name: AGENCIES },
  ],
  apply({ event }, docs): Change[] {
    const data = event.data as Record<string, unknown>;
    const at = event.recordedAt;
    const stream = parseAgencyStream(event.stream);
    if (stream?.category === 'agency' && event.type === 'AgencyProfileSet') {
      const version = (docs.get<AgencyDoc>(AGENCIES, stream.agency)?.version ?? 0) + 1;
      const doc = { agency: stream.agency, ...pick(data, AGENCY_PROFILE_MEMBERS), version, updatedAt: at };
      return [{ collection: AGENCIES, key: stream.agency, doc }];
    }
    if (stream?.category === 'officer') {
      const key = officerKey(stream.agency, stream.id);
      const current = docs.get<OfficerDoc>('officers', key);
      switch (event.type) {
        case 'OfficerRegistered':
          return [
            {
              collection: 'officers',
              key,
              doc: {
                officerId: stream.id,
                agency: stream.agency,
                categories: [],
                ...pick(data, OFFICER_MEMBERS),
                status: 'active',
                registeredAt: at,
                updatedAt: at,
              },
            },
          ];
        case 'OfficerAmended':
          if (!current) return [];
          return [
            {
              collection: 'officers',
              key,
              doc: { ...current, ...pick(data.changes as Record<string, unknown>, OFFICER_MEMBERS), updatedAt: at },
            },
          ];
        case 'OfficerSuspended':
        case 'OfficerReinstated':
        case 'OfficerRetired': {
          if (!current) return [];
          const status = { OfficerSuspended: 'suspended', OfficerReinstated: 'active', OfficerRetired: 'retired' }[
            event.type
          ];
          return [{ collection: 'officers', key, doc: { ...current, status, updatedAt: at } }];
        }
        case 'OfficerKeyRegistered':
        case 'OfficerKeyRevoked': {
          if (!current) return [];
          const keys = withKey(current.keys ?? [], event.type, data, at);
          return [{ collection: 'officers', key, doc: { ...current, keys, updatedAt: at } }];
        }
      }
      return [];
    }
    if (stream?.category === 'item') {
      const key = itemKey(stream.agency, stream.id);
      const current = docs.get<ItemDoc>('items', key);
      switch (event.type) {
        case 'ItemRegistered': {
          const doc = { code: stream.id, agency: stream.agency, ...pick(data, ITEM_MEMBERS) };
          return [{ collection: 'items', key, doc: { ...doc, retired: false, registeredAt: at, updatedAt: at } }];
        }
        case 'ItemAmended':
        case 'ItemRetired': {
          if (!current) return [];
          const changes =
            event.type === 'ItemAmended'
              ? pick(data.changes as Record<string, unknown>, ITEM_MEMBERS)
              : { retired: true };
          return [{ collection: 'items', key, doc: { ...current, ...changes, updatedAt: at } }];
        }
      }
    }
    return [];
  },
};
