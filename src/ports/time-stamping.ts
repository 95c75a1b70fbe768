/**
 * An RFC 3161 time-stamping authority, as the ledger reaches it (docs/integrity.md §15): it is sent a DER
 * TimeStampReq and answers a DER TimeStampResp. What the answer must be is checked by the caller
 * (src/ledger/timestamp-request.ts), never trusted.
 */
export interface TimeStampAuthority {
  /** Where it is reached; also how stored tokens name it. */
  readonly url: string;
  /** The DER TimeStampResp to `request`; rejects when the authority cannot be reached or answers an HTTP error. */
  stamp(request: Uint8Array): Promise<Uint8Array>;
}
