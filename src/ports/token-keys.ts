import type { KeyObject } from 'node:crypto';

/** A public key trusted to verify bearer tokens, under the id that tokens name in their `kid` header. */
export interface TrustedKey {
  readonly kid: string;
  readonly key: KeyObject;
}

/**
 * The signature algorithms a verifier may accept: asymmetric only, never `none` or HMAC. The same values as
 * `JWT_ALGORITHMS` in src/config.ts (which this layer may not import); test/unit/auth.test.ts checks they agree.
 */
export type JwtAlgorithm = 'ES256' | 'ES384' | 'ES512' | 'RS256' | 'RS384' | 'RS512' | 'PS256' | 'PS384' | 'PS512';

/** Where the trusted keys come from: structurally `JwtConfig['trust']` of src/config.ts. */
export type TokenKeyTrust =
  | { readonly kind: 'embedded' }
  | { readonly kind: 'pem'; readonly files: readonly string[] }
  | { readonly kind: 'jwks'; readonly file: string };
