/**
 * Amounts written on decision documents, from integer fen: in figures (`1,500.00`) and in the capital numerals of
 * financial writing (大写金额, `壹仟伍佰元整`), as the rules for writing amounts on payment documents set them out:
 * `元` or `角` amounts end in `整`, an amount with `分` does not; a zero between non-zero digits is written once.
 */

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const PLACES = ['', '拾', '佰', '仟'] as const;
const GROUPS = ['', '万', '亿', '万亿'] as const;

function checkFen(fen: number): void {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`an amount in fen must be a whole number >= 0`);
}

/** `150000` → `1,500.00`: yuan with thousands separators and two decimals. */
export function yuanInFigures(fen: number): string {
  checkFen(fen);
  const yuan = Math.floor(fen / 100);
  const cents = String(fen % 100).padStart(2, '0');
  return `${String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

/** One group of four digits (0–9999), without the leading zero the caller decides on. */
function group(n: number): string {
  let out = '';
  let zero = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(n / 10 ** place) % 10;
    if (digit === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += DIGITS[0];
    zero = false;
    out += DIGITS[digit]! + PLACES[place]!;
  }
  return out;
}

/** Whole yuan in capital numerals, `''` for zero. */
function wholeYuan(yuan: number): string {
  const groups: number[] = [];
  for (let rest = yuan; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  let out = '';
  let pendingZero = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const n = groups[i]!;
    if (n === 0) {
      pendingZero = out !== '';
      continue;
    }
    if (out !== '' && (pendingZero || n < 1000)) out += DIGITS[0];
    pendingZero = false;
    out += group(n) + GROUPS[i]!;
  }
  return out;
}

/** `150000` → `壹仟伍佰元整`; `100006` → `壹仟元零陆分`; `50` → `伍角整`; `0` → `零元整`. */
export function yuanInCapitals(fen: number): string {
  checkFen(fen);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  const whole = wholeYuan(yuan);
  if (jiao === 0 && cents === 0) return `${whole || DIGITS[0]}元整`;
  const head = whole === '' ? '' : `${whole}元`;
  if (cents === 0) return `${head}${DIGITS[jiao]}角整`;
  const middle = jiao > 0 ? `${DIGITS[jiao]}角` : head === '' ? '' : DIGITS[0];
  return `${head}${middle}${DIGITS[cents]}分`;
}
