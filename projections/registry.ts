import type { Role } from '../src/domain/actor.js';
import type { ItemCategory, MajorCriteria } from '../src/domain/registry/items.js';
import type { OfficerStatus } from '../src/domain/registry/officers.js';
import type { Change, Doc, Projection } from '../src/ports/read-models.js';

/** An officer as the registry stands: the public officer list and the lookups of the other projections. */
export interface OfficerDoc extends Doc {
  officerId: string;
  name: string;
  agency: string;
  certificateNo: string;
  validFrom: string;
  validTo: string;
  roles: Role[];
  categories: string[];
  status: OfficerStatus;
  registeredAt: string;
  updatedAt: string;
}

/** An enforcement item (执法事项) as the list stands. Key: `agency/code`. */
export interface ItemDoc extends Doc {
  code: string;
  agency: string;
  name: string;
  category: ItemCategory;
  legalBasis: string;
  major?: MajorCriteria;
  disclosureWorkingDays?: number;
  retired: boolean;
  registeredAt: string;
  updatedAt: string;
}

export const itemKey = (agency: string, code: string): string => `${agency}/${code}`;

const OFFICER_FIELDS = ['name', 'certificateNo', 'validFrom', 'validTo', 'roles', 'categories'] as const;
const ITEM_FIELDS = ['name', 'category', 'legalBasis', 'major', 'disclosureWorkingDays'] as const;

function pick(source: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(fields.filter((f) => source[f] !== undefined).map((f) => [f, source[f]]));
}

/** The officer and item registries, from the `officer-*` and `item-*` streams. */
export const registryProjection: Projection = {
  name: 'registry',
  version: 1,
  collections: [
    { name: 'officers', indexes: ['agency', 'status', 'validTo'] },
    { name: 'items', indexes: ['agency', 'category', 'retired'] },
    { name: 'item_streams' },
  ],
  apply({ event }, docs): Change[] {
    const data = event.data as Record<string, unknown>;
    const at = event.recordedAt;
    if (event.stream.startsWith('officer-')) {
      const key = event.stream.slice('officer-'.length);
      const current = docs.get<OfficerDoc>('officers', key);
      switch (event.type) {
        case 'OfficerRegistered':
          return [
            {
              collection: 'officers',
              key,
              doc: {
                officerId: key,
                agency: data.agency,
                categories: [],
                ...pick(data, OFFICER_FIELDS),
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
              doc: { ...current, ...pick(data.changes as Record<string, unknown>, OFFICER_FIELDS), updatedAt: at },
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
      }
      return [];
    }
    if (event.stream.startsWith('item-')) {
      switch (event.type) {
        case 'ItemRegistered': {
          const key = itemKey(String(data.agency), String(data.code));
          const doc = { code: data.code, agency: data.agency, ...pick(data, ITEM_FIELDS) };
          return [
            { collection: 'items', key, doc: { ...doc, retired: false, registeredAt: at, updatedAt: at } },
            { collection: 'item_streams', key: event.stream, doc: { key } },
          ];
        }
        case 'ItemAmended':
        case 'ItemRetired': {
          const key = itemKeyOfStream(event.stream, docs);
          const current = key === undefined ? undefined : docs.get<ItemDoc>('items', key);
          if (!current || key === undefined) return [];
          const changes =
            event.type === 'ItemAmended'
              ? pick(data.changes as Record<string, unknown>, ITEM_FIELDS)
              : { retired: true };
          return [{ collection: 'items', key, doc: { ...current, ...changes, updatedAt: at } }];
        }
      }
    }
    return [];
  },
};

/**
 * `item-<agency>-<code>` cannot be split where agency or code hold hyphens, so the registration records which
 * stream an item lives in.
 */
function itemKeyOfStream(stream: string, docs: { get<D extends Doc>(c: string, k: string): D | undefined }) {
  return docs.get<{ key: string } & Doc>('item_streams', stream)?.key;
}
