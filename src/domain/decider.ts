/**
 * A decider (Chassaing; emmett): the rules of one aggregate as plain functions. `decide` turns a command and
 * the current state into new events or throws a RuleViolation; `evolve` folds a recorded event into the state.
 * No I/O and no clock: time and outside facts arrive in the command.
 */
export interface Decider<Command, Event, State> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

/** The state after `events`, from the initial state. */
export function fold<C, E, S>(decider: Decider<C, E, S>, events: readonly E[]): S {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState());
}
