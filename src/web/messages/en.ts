import { APPLY_EN } from './applications.en.js';
import { SCREENS_EN } from './screens.en.js';
import { VERIFY_EN } from './verify.en.js';
import { SIGNIN_EN } from './signin.en.js';
import type { Messages } from './zh-CN.js';
import { PUBLIC_EN } from './public.en.js';
import { INSPECTIONS_EN } from './inspections.en.js';
import { PUBLISHED_EN } from './published.en.js';
import { REVIEW_EN } from './review.en.js';
import { RECORDINGS_EN } from './recordings.en.js';
import { CATALOGUE_EN } from './catalogue.en.js';
import { RETENTION_EN } from './retention.en.js';
import { DISCRETION_EN } from './discretion.en.js';
import { DRAFTING_EN } from './drafting.en.js';
import { TEMPLATES_EN } from './templates.en.js';
import { ROSTER_EN } from './roster.en.js';
import { ITEM_ADMIN_EN } from './item-admin.en.js';
import { REGISTRATION_EN } from './registration.en.js';
import { AGENCIES_EN } from './agencies.en.js';

/** The portal's text in English. */
export const EN: Messages = {
  'site.name': 'Law Enforcement Disclosure and Supervision',
  'site.tagline':
    'The three systems of administrative law enforcement: public disclosure, full-process records, legal review of major decisions',
  'nav.label': 'Main navigation',
  'nav.home': 'Home',
  'nav.disclosures': 'Disclosed decisions',
  'nav.officers': 'Officers',
  'nav.items': 'Enforcement items',
  'nav.statistics': 'Yearly statistics',
  'nav.verify': 'Verify evidence',
  'nav.supervise': 'Supervision',
  'nav.signIn': 'Sign in',
  'nav.signOut': 'Sign out',
  'lang.label': 'Language',
  'lang.switchTo': '中文',
  'skip.toContent': 'Skip to content',
  'footer.ledger': 'Every enforcement act on this site is signed and recorded in a verifiable, tamper-evident ledger.',
  'footer.api': 'Open API (OpenAPI)',
  ...PUBLIC_EN,
  ...PUBLISHED_EN,
  'error.notFound.title': 'Page not found',
  'error.notFound.body': 'The page you asked for does not exist or has been removed.',
  'error.generic.title': 'Something went wrong',
  'error.generic.body': 'The request could not be completed. Please try again later.',
  'error.forbidden.title': 'Not available to you',
  'error.forbidden.body':
    "Your account may not use this page, or may not see the agency it asks for. If you need it, ask your agency's administrator.",
  'error.unauthenticated.title': 'Sign-in needed',
  'error.unauthenticated.body':
    'You are not signed in, or your session ended (after a while without use, or when its sign-in expired). What you sent was not recorded: sign in, then fill in and send the form again.',
  'error.too_large.title': 'What was sent is too large',
  'error.too_large.body':
    'What was sent is larger than allowed, and nothing was recorded. Go back, shorten it and send it again; attach recordings and documents as files.',
  'error.unsupported_media_type.title': 'What was sent cannot be read',
  'error.unsupported_media_type.body':
    'The encoding or format of what was sent is not one this service reads, and nothing was recorded. Go back to the page and send it again.',
  'error.invalid_body.title': 'What was sent is not valid',
  'error.invalid_body.body':
    'What was sent could not be read, and nothing was recorded. Go back to the page, check it and send it again.',
  'error.invalid_query.title': 'The query is not valid',
  'error.invalid_query.body':
    'The address holds a query this page cannot read, such as a date, a page or a filter value. Change it and search again.',
  'error.invalid_query.clear': 'Clear the query and start again',
  'error.not_caught_up.title': 'Still being recorded',
  'error.not_caught_up.body':
    'What was just recorded is saved and is being added to the case files and searches, which usually takes a second or two. Open this page again in a moment.',
  'error.not_caught_up.again': 'Open this page again',
  'error.backHome': 'Back to the home page',
  ...SCREENS_EN,
  ...VERIFY_EN,
  ...SIGNIN_EN,
  ...INSPECTIONS_EN,
  ...APPLY_EN,
  ...RECORDINGS_EN,
  ...CATALOGUE_EN,
  ...REVIEW_EN,
  ...ROSTER_EN,
  ...ITEM_ADMIN_EN,
  ...REGISTRATION_EN,
  ...AGENCIES_EN,
  ...DISCRETION_EN,
  ...RETENTION_EN,
  ...DRAFTING_EN,
  ...TEMPLATES_EN,
};
