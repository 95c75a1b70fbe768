import type { Decider } from '../../src/domain/decider.js';
import { RuleViolation } from '../../src/domain/errors.js';

/**
 * Given/when/then for deciders: given these recorded events, when this command, then these events (matched
 * partially) or this rule violation.
 */
export function specification<C, E, S>(decider: Decider<C, E, S>) {
  return {
    given(events: readonly E[] = []) {
      const state = events.reduce((s, e) => decider.evolve(s, e), decider.initialState());
      return {
        when(command: C) {
          const run = () => decider.decide(command, state);
          return {
            then(expected: readonly Partial<Record<string, unknown>>[]): E[] {
              const produced = run();
              expect(produced).toMatchObject(expected as unknown[]);
              expect(produced).toHaveLength(expected.length);
              return produced;
            },
            thenFails(code: string, status?: number): RuleViolation {
              let error: unknown;
              try {
                run();
              } catch (err) {
                error = err;
              }
              expect(error).toBeInstanceOf(RuleViolation);
              expect((error as RuleViolation).code).toBe(code);
              if (status !== undefined) expect((error as RuleViolation).status).toBe(status);
              return error as RuleViolation;
            },
          };
        },
      };
    },
  };
}
