import { BlockHash } from './sha256.js';

/**
 * SM3 (GB/T 32905-2016 §5), synchronous and incremental, for the browser build of src/ledger: the hash of the SM2
 * suite (docs/integrity.md §17), which WebCrypto lacks. Checked against node:crypto on random inputs and against
 * the standard's two worked examples (test/browser/node-shims.test.ts).
 */

const IV = [0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e];

const rotl = (x: number, n: number) => ((x << n) | (x >>> (32 - n))) >>> 0;
/** T_j rotated left by j mod 32, for every round j (§5.3.3). */
const T = Uint32Array.from({ length: 64 }, (_, j) => rotl(j < 16 ? 0x79cc4519 : 0x7a879d8a, j % 32));
const p0 = (x: number) => x ^ rotl(x, 9) ^ rotl(x, 17);
const p1 = (x: number) => x ^ rotl(x, 15) ^ rotl(x, 23);

export class Sm3 extends BlockHash {
  readonly #w = new Uint32Array(68);
  readonly #w1 = new Uint32Array(64);

  constructor() {
    super(IV);
  }

  /** The message expansion (§5.3.2) and compression function CF (§5.3.3). */
  protected compress(bytes: Uint8Array, at: number): void {
    const w = this.#w;
    const w1 = this.#w1;
    for (let i = 0; i < 16; i++) {
      const j = at + i * 4;
      w[i] = (bytes[j]! << 24) | (bytes[j + 1]! << 16) | (bytes[j + 2]! << 8) | bytes[j + 3]!;
    }
    for (let j = 16; j < 68; j++) {
      w[j] = p1(w[j - 16]! ^ w[j - 9]! ^ rotl(w[j - 3]!, 15)) ^ rotl(w[j - 13]!, 7) ^ w[j - 6]!;
    }
    for (let j = 0; j < 64; j++) w1[j] = w[j]! ^ w[j + 4]!;
    const v = this.state;
    let [a, b, c, d, e, f, g, h] = [v[0]!, v[1]!, v[2]!, v[3]!, v[4]!, v[5]!, v[6]!, v[7]!];
    for (let j = 0; j < 64; j++) {
      const a12 = rotl(a, 12);
      const ss1 = rotl((a12 + e + T[j]!) >>> 0, 7);
      const ss2 = ss1 ^ a12;
      const ff = j < 16 ? a ^ b ^ c : (a & b) | (a & c) | (b & c);
      const gg = j < 16 ? e ^ f ^ g : (e & f) | (~e & g);
      const tt1 = (ff + d + ss2 + w1[j]!) >>> 0;
      const tt2 = (gg + h + ss1 + w[j]!) >>> 0;
      d = c;
      c = rotl(b, 9);
      b = a;
      a = tt1;
      h = g;
      g = rotl(f, 19);
      f = e;
      e = p0(tt2) >>> 0;
    }
    const next = [a, b, c, d, e, f, g, h];
    for (let i = 0; i < 8; i++) v[i] = v[i]! ^ next[i]!;
  }
}
