import { LedgerError } from '../errors.js';

/** A command that the rules of the three systems refuse: nothing is recorded, and `code` says which rule. */
export class RuleViolation extends LedgerError {
  constructor(
    readonly code: string,
    readonly status: 403 | 404 | 409 | 422,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, details);
  }
}

export const violation = (code: string, message: string, details?: Record<string, unknown>) =>
  new RuleViolation(code, 422, message, details);
export const conflict = (code: string, message: string, details?: Record<string, unknown>) =>
  new RuleViolation(code, 409, message, details);
export const notFound = (message: string) => new RuleViolation('not_found', 404, message);
