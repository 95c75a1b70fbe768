import type { ITEM_ADMIN_ZH_CN } from './item-admin.zh-CN.js';

/** The administrator's screen of the agency's enforcement items, in English. */
export const ITEM_ADMIN_EN: { readonly [K in keyof typeof ITEM_ADMIN_ZH_CN]: string } = {
  'itemAdmin.nav': 'Manage items',
  'itemAdmin.title': 'Manage enforcement items',
  'itemAdmin.pages': 'Pages of the enforcement items',
  'itemAdmin.lead':
    "The agency's registered enforcement items. Retiring an item takes a reason and is recorded as a signed event; no case opens under a retired item, and it is not restored.",
  'itemAdmin.actions': 'Actions',
  'itemAdmin.retire': 'Manage',
  'itemAdmin.retire.label': 'Manage the item: {name} (see, amend or retire it)',
  'itemAdmin.none': 'The agency has registered no enforcement items yet.',
  'itemAdmin.saved': 'The item "{name}" ({code}) was retired and recorded in the ledger.',
  'itemAdmin.registered': 'The item "{name}" ({code}) was registered and recorded in the ledger.',
  'itemAdmin.item.title': 'Enforcement item: {name}',
  'itemAdmin.form.title': 'Retire this item',
  'itemAdmin.form.reason': 'Reason for retiring',
  'itemAdmin.form.reason.hint':
    'For example the document that repealed or changed its legal basis; the reason is recorded with the retirement.',
  'itemAdmin.form.submit': 'Retire the item',
  'itemAdmin.form.back': 'Back to the enforcement items',
  'itemAdmin.form.retired': 'This item is retired: no case opens under it, and it cannot be retired again.',
  'itemAdmin.days': '{days} working days',
  'itemAdmin.retention.years': '{years} years',
};
