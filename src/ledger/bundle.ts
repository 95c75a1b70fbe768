import { canonicalize } from './canonical-json.js';
import type { Signer } from './ed25519.js';
import { SUITES, suiteOfSigner, type CryptoSuite } from './suite.js';
import type { Signature } from './envelope.js';
import { agencyStream } from './streams.js';

/**
 * The evidence bundle format (docs/integrity.md §13): names of its files, the manifest and the manifest's signature.
 * The exporter (src/app/bundle-export.ts) and the verifier (bundle-verify.ts) share these definitions.
 */

/**
 * The format the exporter writes: v2 plus `agency`, the case's agency, whose streams are named per agency
 * (`case-<agency>:<caseId>`, docs/integrity.md §2.1).
 */
export const BUNDLE_FORMAT = 'evidence-ledger/bundle/v3';
/**
 * v3 plus the `officers/` folder: the key events of the officers' keys that signed events of the bundle. The
 * exporter writes it for a bundle that carries such key events, v3 otherwise.
 */
export const BUNDLE_FORMAT_V4 = 'evidence-ledger/bundle/v4';
/**
 * v4 plus `officers/<keyId>/key/<revision>.json`: the events of each such key's own stream
 * (`officerkey-<agency>:<keyId>`) through its head at the checkpoint's size, whose head proofs `heads.json` carries
 * after the case's and the access records': so a bundle shows that no revocation of those keys was left out. The
 * exporter writes it for a bundle that carries officers' key events, v3 otherwise.
 */
export const BUNDLE_FORMAT_V5 = 'evidence-ledger/bundle/v5';
/** v1 plus `streams`, each included stream's last revision at export; still verified. */
export const BUNDLE_FORMAT_V2 = 'evidence-ledger/bundle/v2';
/** The first format, without `streams`; still verified. */
export const BUNDLE_FORMAT_V1 = 'evidence-ledger/bundle/v1';
export const BUNDLE_FORMATS: readonly string[] = [
  BUNDLE_FORMAT_V1,
  BUNDLE_FORMAT_V2,
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_V4,
  BUNDLE_FORMAT_V5,
];
export type BundleFormat =
  | typeof BUNDLE_FORMAT_V5
  | typeof BUNDLE_FORMAT_V4
  | typeof BUNDLE_FORMAT
  | typeof BUNDLE_FORMAT_V2
  | typeof BUNDLE_FORMAT_V1;
/** The formats whose manifest names the agency (v3 and after). */
export const hasAgency = (format: string): boolean =>
  format === BUNDLE_FORMAT || format === BUNDLE_FORMAT_V4 || format === BUNDLE_FORMAT_V5;

export const MANIFEST = 'manifest.json';
export const CHECKPOINT = 'checkpoint.txt';
export const CONSISTENCY = 'consistency.json';
/**
 * The head proofs (docs/integrity.md §12.6) of the case and access streams at the bundle's checkpoint, and in v5 of
 * the streams of the officers' keys it carries.
 */
export const HEADS = 'heads.json';

/** A listed file: its name in the archive, its size and the hex SHA-256 of its bytes. */
export interface ManifestFile {
  readonly name: string;
  readonly size: number;
  readonly sha256: string;
}

/** A stream the bundle includes and its last revision when the bundle was exported (-1: the stream is empty). */
export interface StreamRevision {
  readonly stream: string;
  readonly revision: number;
}

export interface BundleManifest {
  readonly format: BundleFormat;
  /** v3: the agency the case belongs to (case ids are unique within an agency only). */
  readonly agency?: string;
  readonly caseId: string;
  /** When the bundle was made (RFC 3339, service clock). */
  readonly createdAt: string;
  /** The checkpoint every inclusion proof is against; `checkpoint.txt` is its signed note. */
  readonly checkpoint: { readonly origin: string; readonly size: number; readonly rootHash: string };
  /** Every other file of the bundle, in archive order. */
  readonly files: readonly ManifestFile[];
  /**
   * v2: the case stream and the access stream with their last revision at export, so that whoever holds a
   * checkpoint covering revisions the bundle lacks can tell the stream was cut (docs/integrity.md §13.3).
   */
  readonly streams?: readonly StreamRevision[];
  /** The service's signature over the rest of the manifest, see {@link manifestSigningInput}. */
  readonly signature: Signature;
}

/** Event files are named by the event's revision, in decimal padded with zeros to at least 8 digits. */
export function revisionName(revision: number): string {
  return String(revision).padStart(8, '0');
}

/** The case a manifest is of: its agency (v3) and id. */
export type CaseOfBundle = Pick<BundleManifest, 'agency' | 'caseId'>;

/**
 * The case's stream and its access stream: `case-<agency>:<caseId>` and `access-<agency>:<caseId>` (v3), or
 * `case-<caseId>` and `access-<caseId>` in the v1 and v2 bundles exported before ids were per agency.
 */
export const caseStreamOf = ({ agency, caseId }: CaseOfBundle): string =>
  agency === undefined ? `case-${caseId}` : agencyStream('case', agency, caseId);
export const accessStreamOf = ({ agency, caseId }: CaseOfBundle): string =>
  agency === undefined ? `access-${caseId}` : agencyStream('access', agency, caseId);

/** What a file name means in the bundle layout, or undefined for a name the layout does not have. */
export type BundleFileKind =
  | { readonly kind: 'checkpoint' }
  | { readonly kind: 'consistency' }
  | { readonly kind: 'heads' }
  | { readonly kind: 'event'; readonly revision: number }
  | { readonly kind: 'access'; readonly revision: number }
  | { readonly kind: 'media'; readonly sha256: string }
  | { readonly kind: 'key'; readonly keyId: string }
  /** `officers/<keyId>/<index>.json` (v4): an officer key's registration (0) and revocation (1), as signed events. */
  | { readonly kind: 'officer-key'; readonly keyId: string; readonly index: number }
  /** `officers/<keyId>/key/<revision>.json` (v5): an event of the key's own stream `officerkey-<agency>:<keyId>`. */
  | { readonly kind: 'officer-key-stream'; readonly keyId: string; readonly revision: number }
  | { readonly kind: 'proof'; readonly eventId: string }
  /** `timestamps/<size>/checkpoint.txt`: a time-stamped checkpoint's message (docs/integrity.md §15.1). */
  | { readonly kind: 'stamped-note'; readonly size: number }
  /** `timestamps/<size>/<index>.tst`: a DER TimeStampToken over it. */
  | { readonly kind: 'timestamp'; readonly size: number; readonly index: number }
  /** `timestamps/<size>/consistency.json`: the consistency proof from that size to the bundle's checkpoint. */
  | { readonly kind: 'stamped-consistency'; readonly size: number }
  /** `timeliness.json`: `{utcOffset}`, the agency's offset the disclosure deadlines end in. */
  | { readonly kind: 'timeliness' };

const REVISION_FILE = /^(?:events|access)\/[0-9]{8,15}\.json$/;
const MEDIA_FILE = /^media\/[0-9a-f]{64}$/;
/** `keys/<key id>.pem`: an Ed25519 key id (64 hex) or an SM2 one ("sm2-" and 64 hex). */
const KEY_FILE = /^keys\/(?:sm2-)?[0-9a-f]{64}\.pem$/;
const STAMP_FILE = /^timestamps\/(0|[1-9][0-9]{0,15})\/(checkpoint\.txt|consistency\.json|(0|[1-9][0-9]{0,2})\.tst)$/;
export const TIMELINESS = 'timeliness.json';
const OFFICER_KEY_FILE = /^officers\/[0-9a-f]{64}\/[01]\.json$/;
const OFFICER_KEY_STREAM_FILE = /^officers\/[0-9a-f]{64}\/key\/[0-9]{8,15}\.json$/;
const PROOF_FILE = /^proofs\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.json$/;

export function classify(name: string): BundleFileKind | undefined {
  if (name === CHECKPOINT) return { kind: 'checkpoint' };
  if (name === CONSISTENCY) return { kind: 'consistency' };
  if (name === HEADS) return { kind: 'heads' };
  // each pattern is tried only on the names of its folder, and what it captures is sliced out at fixed places
  switch (name.charCodeAt(0)) {
    case 0x65: // events/
    case 0x61: {
      // access/
      if (!REVISION_FILE.test(name)) return undefined;
      const digits = name.slice(7, -5);
      const revision = Number(digits);
      if (revisionName(revision) !== digits) return undefined; // one name per revision: no extra leading zeros
      return { kind: name.startsWith('events/') ? 'event' : 'access', revision };
    }
    case 0x70: // proofs/
      return PROOF_FILE.test(name) ? { kind: 'proof', eventId: name.slice(7, -5) } : undefined;
    case 0x6d: // media/
      return MEDIA_FILE.test(name) ? { kind: 'media', sha256: name.slice(6) } : undefined;
    case 0x74: {
      // timestamps/, timeliness.json
      if (name === TIMELINESS) return { kind: 'timeliness' };
      const m = STAMP_FILE.exec(name);
      if (!m) return undefined;
      const size = Number(m[1]);
      if (m[2] === 'checkpoint.txt') return { kind: 'stamped-note', size };
      if (m[2] === 'consistency.json') return { kind: 'stamped-consistency', size };
      return { kind: 'timestamp', size, index: Number(m[3]) };
    }
    case 0x6b: // keys/
      return KEY_FILE.test(name) ? { kind: 'key', keyId: name.slice(5, -4) } : undefined;
    case 0x6f: {
      // officers/
      if (OFFICER_KEY_FILE.test(name)) {
        return { kind: 'officer-key', keyId: name.slice(9, 73), index: Number(name.slice(74, 75)) };
      }
      if (!OFFICER_KEY_STREAM_FILE.test(name)) return undefined;
      const digits = name.slice(78, -5);
      const revision = Number(digits);
      if (revisionName(revision) !== digits) return undefined;
      return { kind: 'officer-key-stream', keyId: name.slice(9, 73), revision };
    }
    default:
      return undefined;
  }
}

/**
 * The bytes the service signs for a manifest: a context line (the manifest's format), then the hex SHA-256 of the
 * JCS form without `signature`.
 */
export function manifestSigningInput(
  manifest: Omit<BundleManifest, 'signature'> & { signature?: unknown },
  suite: CryptoSuite = SUITES.ed25519,
): Buffer {
  const { signature: _signature, ...body } = manifest;
  return manifestBodySigningInput(manifest.format, canonicalize(body), suite);
}

/**
 * {@link manifestSigningInput} from the JCS form of the manifest without `signature`, for a caller that has it, as
 * text or as the UTF-8 pieces it is made of. The hash is the suite's (SM3 in the SM2 suite, whose manifests name it
 * by their signature's `alg`, "SM2-SM3").
 */
export function manifestBodySigningInput(
  format: BundleFormat,
  canonicalBody: string | readonly Uint8Array[],
  suite: CryptoSuite = SUITES.ed25519,
): Buffer {
  const hash = typeof canonicalBody === 'string' ? suite.hashHex(canonicalBody) : suite.hashHexOf(canonicalBody);
  return Buffer.from(`${format}\n${hash}`, 'utf8');
}

/** Signs the manifest in the signer's suite; returns it with its signature. */
export function signManifest(manifest: Omit<BundleManifest, 'signature'>, signer: Signer): BundleManifest {
  const suite = suiteOfSigner(signer);
  const value = signer.sign(manifestSigningInput(manifest, suite)).toString('base64');
  return { ...manifest, signature: { alg: suite.sigAlg, keyId: signer.keyId, value } };
}

/** The manifest's bytes in the bundle: its JCS form, UTF-8, with no newline. */
export function manifestBytes(manifest: BundleManifest): Buffer {
  return Buffer.from(canonicalize(manifest), 'utf8');
}
