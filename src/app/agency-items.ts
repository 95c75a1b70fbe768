import { itemKey, type ItemDoc } from '../../projections/registry.js';
import { AgencyRegistryPages } from './agency-registry-pages.js';

/** An enforcement item as the agency's administrator manages it: what the list names it by, and whether it is retired. */
export interface AgencyItem {
  readonly code: string;
  readonly name: string;
  readonly category: ItemDoc['category'];
  readonly legalBasis: string;
  readonly field?: string;
  readonly duties?: string;
  readonly powers?: string;
  readonly major?: NonNullable<ItemDoc['major']>;
  readonly reviewMaterials?: readonly string[];
  readonly reviewWorkingDays?: number;
  readonly disclosureWorkingDays?: number;
  readonly retention?: NonNullable<ItemDoc['retention']>;
  readonly retired: boolean;
}

/** How many items one page of the administrator's list shows. */
export const ITEMS_PAGE = 100;

const itemOf = (i: ItemDoc): AgencyItem => ({
  code: i.code,
  name: i.name,
  category: i.category,
  legalBasis: i.legalBasis,
  ...(i.field === undefined ? {} : { field: i.field }),
  ...(i.duties === undefined ? {} : { duties: i.duties }),
  ...(i.powers === undefined ? {} : { powers: i.powers }),
  ...(i.major === undefined ? {} : { major: i.major }),
  ...(i.reviewMaterials === undefined ? {} : { reviewMaterials: [...i.reviewMaterials] }),
  ...(i.reviewWorkingDays === undefined ? {} : { reviewWorkingDays: i.reviewWorkingDays }),
  ...(i.disclosureWorkingDays === undefined ? {} : { disclosureWorkingDays: i.disclosureWorkingDays }),
  ...(i.retention === undefined ? {} : { retention: i.retention }),
  retired: i.retired,
});

/**
 * The enforcement items of one agency, for its administrator's screen (`/admin/items`), from the registry's read
 * model, a page of {@link ITEMS_PAGE} at a time in the order of their codes.
 */
export class AgencyItems extends AgencyRegistryPages<ItemDoc, AgencyItem> {
  constructor(deps: ConstructorParameters<typeof AgencyRegistryPages>[0]) {
    super(deps, { collection: 'items', key: itemKey, view: itemOf, pageSize: ITEMS_PAGE });
  }
}
