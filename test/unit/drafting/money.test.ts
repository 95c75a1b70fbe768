import { yuanInCapitals, yuanInFigures } from '../../../src/domain/drafting/money.js';

// Vectors worked out by the rules for writing amounts in capitals on payment documents (大写金额): a zero between
// non-zero digits is written once, a zero group within the number is read as one 零, amounts ending in 元 or 角
// end in 整 and those with 分 do not.
const VECTORS: [fen: number, figures: string, capitals: string][] = [
  [150_000, '1,500.00', '壹仟伍佰元整'],
  [0, '0.00', '零元整'],
  [1, '0.01', '壹分'],
  [50, '0.50', '伍角整'],
  [55, '0.55', '伍角伍分'],
  [100, '1.00', '壹元整'],
  [1_000, '10.00', '壹拾元整'],
  [100_500, '1,005.00', '壹仟零伍元整'],
  [100_506, '1,005.06', '壹仟零伍元零陆分'],
  [100_560, '1,005.60', '壹仟零伍元陆角整'],
  [100_006, '1,000.06', '壹仟元零陆分'],
  [10_000_000, '100,000.00', '壹拾万元整'],
  [10_010_000, '100,100.00', '壹拾万零壹佰元整'],
  [20_100_000, '201,000.00', '贰拾万壹仟元整'],
  [10_000_000_000, '100,000,000.00', '壹亿元整'],
  [10_001_000_000, '100,010,000.00', '壹亿零壹万元整'],
  [10_000_000_100, '100,000,001.00', '壹亿零壹元整'],
  [1_234_567_890, '12,345,678.90', '壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元玖角整'],
  [5_000_000, '50,000.00', '伍万元整'],
  [1_000_100, '10,001.00', '壹万零壹元整'],
];

describe('amounts written from integer fen', () => {
  it.each(VECTORS)(
    'when %d fen is written, then it reads %s 元 in figures and %s in capitals',
    (fen, figures, capitals) => {
      expect(yuanInFigures(fen)).toBe(figures);
      expect(yuanInCapitals(fen)).toBe(capitals);
    },
  );

  it('when an amount is not a whole, non-negative number of fen, then it is refused rather than rounded', () => {
    for (const bad of [-1, 0.5, Number.NaN, 2 ** 53]) {
      expect(() => yuanInFigures(bad)).toThrow(RangeError);
      expect(() => yuanInCapitals(bad)).toThrow(RangeError);
    }
  });
});
