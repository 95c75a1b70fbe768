import { loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/errors.js';

describe('webhook configuration', () => {
  it('when nothing is set, then delivery is on, no host is allow-listed and retries span more than a day', () => {
    const { webhooks } = loadConfig({});
    expect(webhooks).toMatchObject({ deliver: true, allowHosts: [], connectTimeoutMs: 5_000, timeoutMs: 15_000 });
    expect(webhooks.retrySchedule.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(86_400);
  });

  it('when hosts are allow-listed, then they are kept lower case without IPv6 brackets', () => {
    expect(loadConfig({ WEBHOOK_ALLOW_HOSTS: 'Receiver.Internal, [::1] ,127.0.0.1' }).webhooks.allowHosts).toEqual([
      'receiver.internal',
      '::1',
      '127.0.0.1',
    ]);
  });

  it('when allow-listed addresses are written otherwise, then they are kept as a webhook URL writes its host', () => {
    expect(
      loadConfig({ WEBHOOK_ALLOW_HOSTS: '0x7f.1,[::0:1],bücher.example,my_receiver' }).webhooks.allowHosts,
    ).toEqual(['127.0.0.1', '::1', 'xn--bcher-kva.example', 'my_receiver']);
  });

  it.each([
    'bad host!',
    'receiver:8080',
    'receiver/hooks',
    'user@receiver',
    '*.example.com',
    '-receiver',
    'a..b',
    '1.2.3.256',
  ])('when WEBHOOK_ALLOW_HOSTS holds %s, then start-up stops naming the variable', (value) => {
    expect(() => loadConfig({ WEBHOOK_ALLOW_HOSTS: `receiver.internal,${value}` })).toThrow(
      new RegExp(`^WEBHOOK_ALLOW_HOSTS: ".*" is not a host name or an IP address`),
    );
  });

  it.each([
    ['5,60', 'must add up to at least 86400'],
    ['5,x', 'comma-separated whole seconds'],
  ])('when WEBHOOK_RETRY_SCHEDULE is %s, then start-up stops naming the variable', (value, message) => {
    expect(() => loadConfig({ WEBHOOK_RETRY_SCHEDULE: value })).toThrow(ConfigError);
    expect(() => loadConfig({ WEBHOOK_RETRY_SCHEDULE: value })).toThrow(
      new RegExp(`^WEBHOOK_RETRY_SCHEDULE: .*${message}`),
    );
  });
});
