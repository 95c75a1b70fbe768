import type { CATALOGUE_ZH_CN } from './catalogue.zh-CN.js';

/** The published review catalogue's page, in English. */
export const CATALOGUE_EN: { readonly [K in keyof typeof CATALOGUE_ZH_CN]: string } = {
  'catalogue.title': 'Catalogue of major decisions needing legal review',
  'catalogue.lead':
    'The decisions an agency may make only after a legal review, by decision type, item category, enforcement level, field and amount involved, adjusted over time; every adjustment is signed and recorded, and every version can be read.',
  'catalogue.card': 'Major decisions needing legal review: by decision type, category, level, field and amount.',
  'catalogue.none': 'The agency has published no catalogue: each enforcement item’s own criteria decide what is major.',
  'catalogue.rule':
    'A decision that meets every condition of an entry, or the major-decision criteria of its enforcement item, is major: it is not made without a legal review that clears it.',
  'catalogue.current': 'Version {version}, in force from {inForceFrom}; enforcement level: {level}. Reason: {reason}',
  'catalogue.shown': 'Version {version} (in force from {inForceFrom}, enforcement level: {level}). Reason: {reason}',
  'catalogue.showCurrent': 'Show the current version',
  'catalogue.noSuchVersion': 'The catalogue has no such version',
  'catalogue.versionsAre': 'The agency’s catalogue has versions 1 to {latest}.',
  'catalogue.noVersions': 'The agency has published no catalogue.',
  'catalogue.entriesTitle': 'Entries',
  'catalogue.entryId': 'No.',
  'catalogue.description': 'Covers',
  'catalogue.decisionTypes': 'Decision types',
  'catalogue.itemCategories': 'Categories',
  'catalogue.levels': 'Levels',
  'catalogue.fields': 'Fields',
  'catalogue.amount': 'Amount at least',
  'catalogue.any': 'Any',
  'catalogue.noEntries': 'This version has no entries.',
  'catalogue.historyTitle': 'Versions',
  'catalogue.version': 'Version',
  'catalogue.inForceFrom': 'In force from',
  'catalogue.reason': 'Reason',
  'catalogue.entryCount': 'Entries',
  'level.national': 'National',
  'level.province': 'Province',
  'level.city': 'City',
  'level.county': 'County',
  'level.township': 'Township',
};
