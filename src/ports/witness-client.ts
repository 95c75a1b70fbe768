/** A witness's answer to an add-checkpoint request, as received. */
export interface WitnessResponse {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/** Speaks C2SP tlog-witness to witnesses: posts an add-checkpoint body to `<url>/add-checkpoint`. */
export interface WitnessClient {
  /** Rejects when the witness cannot be reached or does not answer within the client's timeout. */
  addCheckpoint(url: string, body: string): Promise<WitnessResponse>;
}
