import type { Request } from 'express';
import { preferredType } from '../../src/http/accept.js';

const asking = (accept: string | undefined) => ({ get: () => accept }) as unknown as Request;
const JSON_OR_CSV = ['application/json', 'text/csv'];

describe('which representation the Accept header prefers', () => {
  it.each([
    [undefined, 'application/json'],
    ['', 'application/json'],
    ['*/*', 'application/json'],
    ['text/csv', 'text/csv'],
    // equal weights state no preference, whatever the order: the route's first
    ['text/csv, application/json', 'application/json'],
    ['*/*, text/csv', 'application/json'],
    ['application/json;q=0.5, text/csv', 'text/csv'],
    ['text/*', 'text/csv'],
    ['text/csv;q=0, */*', 'application/json'],
    // the most specific range that matches decides a type's weight
    ['text/*;q=0.2, text/csv;q=0.9, application/json;q=0.5', 'text/csv'],
    ['*/*;q=0.1, text/csv;q=0', 'application/json'],
    ['TEXT/CSV', 'text/csv'],
    ['application/xml', false],
    ['application/json;q=0, text/csv;q=0', false],
    ['text/csv;q=abc, application/json;q=0.1', 'application/json'],
    ['nonsense, text/csv;q=0.3', 'text/csv'],
  ])('when Accept is %j, then %j', (accept, expected) => {
    expect(preferredType(asking(accept), JSON_OR_CSV)).toBe(expected);
  });

  it('when the pages are offered first, then a tie goes to HTML', () => {
    expect(preferredType(asking('application/json, text/html'), ['text/html', 'application/json'])).toBe('text/html');
    expect(preferredType(asking('application/json'), ['text/html', 'application/json'])).toBe('application/json');
  });
});
