/** One delivery attempt, to an address already checked and pinned for it. */
export interface WebhookRequest {
  readonly url: URL;
  /** The IP address to connect to: the one the address policy checked (no second lookup). */
  readonly address: { readonly address: string; readonly family: number };
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** What came of an attempt: the receiver's status, or why there was none. Never the response body. */
export type WebhookResponse =
  { readonly status: number } | { readonly error: 'timeout' | 'connect' | 'network'; readonly message: string };

export interface WebhookSender {
  send(request: WebhookRequest): Promise<WebhookResponse>;
}
