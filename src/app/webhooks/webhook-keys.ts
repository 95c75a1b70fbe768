import { createHash, createHmac, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import type { WebhookKey, WebhookSigning } from '../../domain/webhooks/subscriptions.js';

/** PKCS #8 prefix of a raw 32-byte Ed25519 seed (RFC 8410). */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** Most derived keys kept in memory (one per subscription and key generation); past it, they are derived afresh. */
export const DERIVED_KEYS_KEPT = 4_096;

/** What signs one subscription's deliveries: an HMAC secret or an Ed25519 private key. */
export type WebhookSigningKey =
  | { readonly signing: 'hmac-sha256'; readonly secret: Buffer }
  | { readonly signing: 'ed25519'; readonly privateKey: KeyObject; readonly publicKey: string };

/**
 * Derives each subscription's signing key from the service's webhook secret, the subscription's agency and id and
 * the key's generation (HMAC-SHA256 as a PRF): nothing secret is stored per subscription and nothing secret is
 * recorded. The event records a commitment (`keyId`) to an HMAC secret, or the public key of an Ed25519 one.
 */
export class WebhookKeys {
  /** Keys derived already: every delivery is signed, and deriving an Ed25519 key pair costs more than signing. */
  readonly #derived = new Map<string, WebhookSigningKey>();

  constructor(private readonly master: Buffer) {}

  key(agency: string, webhookId: string, signing: WebhookSigning, generation: number): WebhookSigningKey {
    const name = `${signing}\u0000${agency}\u0000${webhookId}\u0000${generation}`;
    const known = this.#derived.get(name);
    if (known) return known;
    if (this.#derived.size >= DERIVED_KEYS_KEPT) this.#derived.clear();
    const key = this.#derive(agency, webhookId, signing, generation);
    this.#derived.set(name, key);
    return key;
  }

  #derive(agency: string, webhookId: string, signing: WebhookSigning, generation: number): WebhookSigningKey {
    const seed = createHmac('sha256', this.master)
      .update(`evidence-ledger webhook ${signing}\u0000${agency}\u0000${webhookId}\u0000${generation}`)
      .digest();
    if (signing === 'hmac-sha256') return { signing, secret: seed };
    const privateKey = createPrivateKey({
      key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
      format: 'der',
      type: 'pkcs8',
    });
    const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
    return { signing, privateKey, publicKey: spki.subarray(spki.length - 32).toString('base64') };
  }

  /** What the subscription's event records of its key: never the secret. */
  recorded(agency: string, webhookId: string, signing: WebhookSigning, generation: number): WebhookKey {
    const key = this.key(agency, webhookId, signing, generation);
    if (key.signing === 'ed25519')
      return {
        keyGeneration: generation,
        keyId: keyIdOf(Buffer.from(key.publicKey, 'base64')),
        publicKey: key.publicKey,
      };
    return { keyGeneration: generation, keyId: keyIdOf(key.secret) };
  }

  /** The secret as Standard Webhooks writes it (`whsec_` + base64), or the public key as `whpk_` + base64. */
  shown(key: WebhookSigningKey): { secret: string } | { publicKey: string } {
    return key.signing === 'hmac-sha256'
      ? { secret: `whsec_${key.secret.toString('base64')}` }
      : { publicKey: `whpk_${key.publicKey}` };
  }
}

/** A commitment to key material: SHA-256 over a label and the bytes, 22 base64url characters. */
function keyIdOf(bytes: Buffer): string {
  return createHash('sha256')
    .update('evidence-ledger webhook key\u0000')
    .update(bytes)
    .digest('base64url')
    .slice(0, 22);
}
