/**
 * The SM2 recommended curve (GB/T 32918.5-2017, GM/T 0003.5-2012): y² = x³ + ax + b over GF(p), with a = p − 3.
 * Point arithmetic in Jacobian coordinates over bigint, with a fixed-base table for k·G; pure, no I/O. Not
 * constant-time (bigint operations, table lookups and skipped windows depend on the values): fit for verifying, and
 * for signing with a key whose holder accepts timing as a side channel on the host (docs/integrity.md §17).
 */
export const P = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFF');
export const A = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFC');
export const B = BigInt('0x28E9FA9E9D9F5E344D5A9E4BCF6509A7F39789F515AB8F92DDBCBD414D940E93');
export const N = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123');
export const GX = BigInt('0x32C4AE2C1F1981195F9904466A39C9948FE30BBFF2660BE1715A4589334C74C7');
export const GY = BigInt('0xBC3736A2F4F6779C59BDCEE36B692153D0A9877CC62A474002DF32E52139F0A0');

/** An affine point; `null` is the point at infinity. */
export type Point = { readonly x: bigint; readonly y: bigint } | null;
/** A Jacobian point (X/Z², Y/Z³); Z = 0 is the point at infinity. */
type Jacobian = readonly [bigint, bigint, bigint];

export const G: Point = { x: GX, y: GY };

export function mod(a: bigint, m: bigint): bigint {
  const r = a % m;
  return r < 0n ? r + m : r;
}

/** The inverse of `a` modulo the prime `m` (extended Euclid). Throws RangeError for a ≡ 0. */
export function invert(a: bigint, m: bigint): bigint {
  let [r0, r1] = [mod(a, m), m];
  if (r0 === 0n) throw new RangeError('zero has no inverse');
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return mod(s0, m);
}

export function isOnCurve(point: Point): boolean {
  if (point === null) return false;
  const { x, y } = point;
  if (x < 0n || x >= P || y < 0n || y >= P) return false;
  return mod(y * y - (x * x * x + A * x + B), P) === 0n;
}

const INFINITY: Jacobian = [1n, 1n, 0n];

function toJacobian(point: Point): Jacobian {
  return point === null ? INFINITY : [point.x, point.y, 1n];
}

function toAffine([x, y, z]: Jacobian): Point {
  if (z === 0n) return null;
  const zi = invert(z, P);
  const zi2 = mod(zi * zi, P);
  return { x: mod(x * zi2, P), y: mod(y * zi2 * zi, P) };
}

/** Doubling for a = −3 (dbl-2001-b). */
function double([x, y, z]: Jacobian): Jacobian {
  if (z === 0n || y === 0n) return INFINITY;
  const delta = mod(z * z, P);
  const gamma = mod(y * y, P);
  const beta = mod(x * gamma, P);
  const alpha = mod(3n * (x - delta) * (x + delta), P);
  const x3 = mod(alpha * alpha - 8n * beta, P);
  const z3 = mod((y + z) * (y + z) - gamma - delta, P);
  const y3 = mod(alpha * (4n * beta - x3) - 8n * gamma * gamma, P);
  return [x3, y3, z3];
}

/** Addition (add-2007-bl), falling back to doubling for equal points. */
function add(p: Jacobian, q: Jacobian): Jacobian {
  if (p[2] === 0n) return q;
  if (q[2] === 0n) return p;
  const [x1, y1, z1] = p;
  const [x2, y2, z2] = q;
  const z1z1 = mod(z1 * z1, P);
  const z2z2 = mod(z2 * z2, P);
  const u1 = mod(x1 * z2z2, P);
  const u2 = mod(x2 * z1z1, P);
  const s1 = mod(y1 * z2 * z2z2, P);
  const s2 = mod(y2 * z1 * z1z1, P);
  if (u1 === u2) return s1 === s2 ? double(p) : INFINITY;
  const h = mod(u2 - u1, P);
  const i = mod(4n * h * h, P);
  const j = mod(h * i, P);
  const r = mod(2n * (s2 - s1), P);
  const v = mod(u1 * i, P);
  const x3 = mod(r * r - j - 2n * v, P);
  const y3 = mod(r * (v - x3) - 2n * s1 * j, P);
  const z3 = mod(((z1 + z2) * (z1 + z2) - z1z1 - z2z2) * h, P);
  return [x3, y3, z3];
}

/** k·point, for 0 <= k (left-to-right double-and-add). */
export function multiply(k: bigint, point: Point): Point {
  return toAffine(ladder([[k, toJacobian(point)]]));
}

/** Bits per window of the base-point table. */
const WINDOW = 4;
const WINDOWS = 256 / WINDOW;
/** `table()[i][j]` = j·2^(4i)·G for j = 0 … 15: built on first use (about 1,100 additions and doublings). */
let baseTable: Jacobian[][] | undefined;

function table(): Jacobian[][] {
  if (baseTable) return baseTable;
  const rows: Jacobian[][] = [];
  let base = toJacobian(G);
  for (let i = 0; i < WINDOWS; i++) {
    const row: Jacobian[] = [INFINITY, base];
    for (let j = 2; j < 1 << WINDOW; j++) row.push(add(row[j - 1]!, base));
    rows.push(row);
    base = double(double(double(double(base)))); // 2^4 · base: the next window's unit
  }
  baseTable = rows;
  return rows;
}

/**
 * k·G for 0 <= k < 2^256 with the fixed-base table: one addition per 4-bit window of k and no doubling, about a
 * quarter of the cost of {@link multiply}. The same point as `multiply(k, G)` (tested against it and against the
 * standard's worked example).
 */
export function multiplyBase(k: bigint): Point {
  if (k < 0n || k >= 1n << 256n) throw new RangeError('the scalar is out of range');
  const rows = table();
  let acc: Jacobian = INFINITY;
  for (let i = 0; i < WINDOWS; i++) {
    const digit = Number((k >> BigInt(i * WINDOW)) & 0xfn);
    if (digit !== 0) acc = add(acc, rows[i]![digit]!);
  }
  return toAffine(acc);
}

/** k1·p1 + k2·p2 in one pass of doublings (Shamir's trick): the cost of a signature check. */
export function multiplyTwo(k1: bigint, p1: Point, k2: bigint, p2: Point): Point {
  return toAffine(
    ladder([
      [k1, toJacobian(p1)],
      [k2, toJacobian(p2)],
    ]),
  );
}

function ladder(terms: readonly (readonly [bigint, Jacobian])[]): Jacobian {
  const both = terms.length === 2 ? add(terms[0]![1], terms[1]![1]) : INFINITY;
  const bits = Math.max(...terms.map(([k]) => k.toString(2).length));
  let acc: Jacobian = INFINITY;
  for (let i = bits - 1; i >= 0; i--) {
    acc = double(acc);
    const set = terms.map(([k]) => (k >> BigInt(i)) & 1n);
    if (set.length === 2 && set[0] === 1n && set[1] === 1n) acc = add(acc, both);
    else set.forEach((bit, t) => (bit === 1n ? (acc = add(acc, terms[t]![1])) : undefined));
  }
  return acc;
}
