import type { SignInMessages } from './signin.zh-CN.js';

/** Signing in and out, and the sign-in's error pages, in English; spread into `en.ts`. */
export const SIGNIN_EN: SignInMessages = {
  'signin.title': 'Sign in',
  'signin.lead': 'Sign in to use supervision, case files and legal review.',
  'signin.withProvider': 'Sign in with {provider}',
  'signin.dev.heading': 'Development sign-in',
  'signin.dev.hint':
    'Paste a token issued by the ledger token command. This is for development and testing on the embedded default only.',
  'signin.dev.token': 'Token',
  'signin.dev.submit': 'Sign in',
  'signin.unavailable': 'No way of signing in is configured; ask the administrator.',
  'signin.rejected': 'The token was not accepted: {reason}.',
  'signin.refusal.malformed': 'it is not a well-formed token; paste the whole token that ledger token printed',
  'signin.refusal.expired': 'it has expired; issue a new one',
  'signin.refusal.notYetValid': 'it is not valid yet',
  'signin.refusal.signature': 'its signature cannot be checked against a key this service trusts',
  'signin.refusal.notOurs': 'it was not issued for this service',
  'signin.refusal.revoked': 'it has been revoked',
  'signin.refusal.lifetime': 'its lifetime is missing or longer than allowed',
  'signin.refusal.claims': 'it lacks the user, the agency or a role this service knows',
  'signin.refusal.other': 'it is not valid',
  'signin.continuing': 'Continuing…',
  'signin.continue': 'Continue',
  'signin.signedOut': 'You have signed out.',
  'error.csrf_failed.title': 'Request refused',
  'error.csrf_failed.body':
    'The form has expired or did not come from this site; nothing was changed. Reload the page and send it again.',
  'error.signin_failed.title': 'Sign-in could not be completed',
  'error.signin_failed.body':
    "The sign-in took too long, was started in another browser, or the identity provider's answer did not check out. Please sign in again.",
  'error.signin_refused.title': 'Sign-in refused',
  'error.signin_refused.body':
    'The identity provider gave no agency or no role this service knows for you, so you cannot use the portal yet. Ask the administrator.',
  'error.identity_provider_unavailable.title': 'Identity provider unavailable',
  'error.identity_provider_unavailable.body':
    'The identity provider cannot be reached just now; please try again later.',
};
