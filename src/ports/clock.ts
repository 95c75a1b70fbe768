/** The one source of time. Domain and ledger code receive time from it through their callers. */
export interface Clock {
  now(): Date;
}
