/**
 * Ed25519 in the browser through WebCrypto, for the synchronous checks of src/ledger.
 *
 * The ledger checks signatures synchronously, inside its checks (the manifest's, the checkpoint note's, each
 * event's), and `crypto.subtle.verify` answers only asynchronously. So a verification runs as passes of the same
 * ledger code: a signature the pass asks about and WebCrypto has not answered yet is noted and, for that pass only,
 * taken as valid so that the pass goes on and meets the other signatures; after the pass WebCrypto checks every
 * noted signature, and the next pass runs with those answers. The result is that of the first pass in which every
 * signature was answered by WebCrypto (usually the second), and of no pass before it. Runs are one at a time.
 */

interface Answer {
  readonly message: Uint8Array;
  readonly valid: boolean;
}

/** A signature the pass asked about, copied (into memory of its own) for WebCrypto. */
interface Asked {
  readonly key: Uint8Array<ArrayBuffer>;
  readonly message: Uint8Array<ArrayBuffer>;
  readonly signature: Uint8Array<ArrayBuffer>;
}

/** Passes after which a run gives up: each pass but the last meets a signature none before it met. */
export const MAX_PASSES = 8;

const answers = new Map<string, Answer[]>();
let asked: Asked[] = [];
let queue: Promise<unknown> = Promise.resolve();

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The synchronous verify of the browser build: WebCrypto's answer, or (noted for the next pass) "valid". */
export function answer(rawKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  const known = answers.get(hex(rawKey) + hex(signature))?.find((a) => same(a.message, message));
  if (known) return known.valid;
  asked.push({
    key: Uint8Array.from(rawKey),
    message: Uint8Array.from(message),
    signature: Uint8Array.from(signature),
  });
  return true;
}

/**
 * This browser's WebCrypto has no Ed25519 (an older browser), or no WebCrypto at all (a page not served over HTTPS
 * or from localhost): nothing can be verified here, which is not the same as a signature that does not verify.
 */
export class Ed25519Unsupported extends Error {
  constructor() {
    super("this browser's WebCrypto does not verify Ed25519 signatures");
  }
}

async function webCryptoVerify({ key, message, signature }: Asked): Promise<boolean> {
  let imported: CryptoKey;
  try {
    imported = await crypto.subtle.importKey('raw', key, { name: 'Ed25519' }, false, ['verify']);
  } catch (err) {
    if ((err as Error).name === 'NotSupportedError' || !crypto.subtle) throw new Ed25519Unsupported();
    return false; // a key WebCrypto refuses verifies nothing
  }
  return crypto.subtle.verify({ name: 'Ed25519' }, imported, signature, message);
}

/**
 * Runs `verification` (synchronous ledger checks behind an async reader) until a pass needs no signature WebCrypto
 * has not answered, and returns that pass's result.
 */
export function withWebCryptoEd25519<T>(verification: (pass: number) => Promise<T>): Promise<T> {
  const run = queue.then(async () => {
    answers.clear(); // a run's answers are of its own signatures: nothing is kept from one run to the next
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      asked = [];
      const result = await verification(pass + 1);
      if (asked.length === 0) return result;
      const noted = asked;
      asked = [];
      const verdicts = await Promise.all(noted.map(webCryptoVerify));
      noted.forEach((a, i) => {
        const id = hex(a.key) + hex(a.signature);
        const list = answers.get(id) ?? [];
        if (!list.some((b) => same(b.message, a.message))) list.push({ message: a.message, valid: verdicts[i]! });
        answers.set(id, list);
      });
    }
    throw new Error(`the verification still met new signatures after ${MAX_PASSES} passes`);
  });
  queue = run.catch(() => undefined);
  return run;
}
