/** What a read shows for a sealed value whose case's data key was destroyed. */
export const ERASED = '[erased]';

/**
 * What a read shows for a sealed value whose case's data key this service does not hold and never destroyed (a key
 * store that is not the one the value was sealed with, docs/privacy.md).
 */
export const UNAVAILABLE = '[sealed]';
