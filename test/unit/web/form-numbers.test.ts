import { fenOf } from '../../../src/web/forms/acts.js';
import { halfWidthDigits, wholeNumberOf } from '../../../src/web/forms/numbers.js';

/*
 * Numbers typed into the portal's forms: a Chinese input method gives full-width digits (１５), which are read as
 * the number; anything else is sent as typed, for the schema to say what is wrong with it.
 */
describe('numbers as typed into the forms', () => {
  it.each([
    ['15', 15],
    [' 15 ', 15],
    ['１５', 15],
    ['０', 0],
    ['999', 999],
  ])('when %p is typed for a whole number of 3 digits, then it is %p', (typed, number) => {
    expect(wholeNumberOf(typed, 3)).toBe(number);
  });

  it.each(['', 'ten', '1.5', '-5', '1000', '1 5', '１５天'])(
    'when %p is typed for a whole number of 3 digits, then it is sent as typed',
    (typed) => {
      expect(wholeNumberOf(typed, 3)).toBe(typed);
    },
  );

  it('when money is typed in full-width digits and stops, then it is read in fen, as ASCII is', () => {
    expect(fenOf('１５００．５')).toBe(150_050);
    expect(fenOf('1500.5')).toBe(150_050);
    expect(fenOf('１，５００元')).toBe(150_000);
    expect(halfWidthDigits(' ０．５ ')).toBe('0.5');
  });

  it('when a comma separates thousands, then the sum is read; any other comma leaves the text as typed', () => {
    expect(fenOf('1,234,567.89')).toBe(123_456_789);
    expect(fenOf('１２，３４５')).toBe(1_234_500);
    for (const typed of ['10,00', '1,2,3', ',100', '1,,000', '１０，００', '1000,000', '1,000.5,0']) {
      expect(fenOf(typed)).toBe(typed);
    }
  });
});
