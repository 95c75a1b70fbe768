import { sameUrl } from '../../../src/app/webhooks/webhook-service.js';

// Two webhook URLs are the same receiver when the sender would request the same thing of the same host: the
// duplicate check (409 webhook_duplicate) compares them so.

describe('sameUrl', () => {
  it.each([
    ['https://hooks.example/in', 'HTTPS://Hooks.Example:443/in'],
    ['https://hooks.example/in', 'https://hooks.example/in?'],
    ['https://hooks.example/in?a=1', 'https://hooks.example/in?a=%31'],
    ['https://hooks.example/%68ook', 'https://hooks.example/hook'],
    ['https://hooks.example/a%2fb', 'https://hooks.example/a%2Fb'],
  ])('when %s and %s, then the same receiver', (a, b) => {
    expect(sameUrl(a, b)).toBe(true);
  });

  it.each([
    ['https://hooks.example/in', 'https://hooks.example/in/'],
    ['https://hooks.example/in', 'https://hooks.example:8443/in'],
    ['https://hooks.example/a%2Fb', 'https://hooks.example/a/b'],
    ['https://hooks.example/in?a=1', 'https://hooks.example/in?a=2'],
    ['https://hooks.example/in', 'http://hooks.example/in'],
  ])('when %s and %s, then different receivers', (a, b) => {
    expect(sameUrl(a, b)).toBe(false);
  });
});
