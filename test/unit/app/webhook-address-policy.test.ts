import { AddressPolicy, isRefusedAddress } from '../../../src/app/webhooks/address-policy.js';

describe('webhook address policy', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.0.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    'fe80::1',
    'fc00::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '0:0:0:0:0:ffff:a00:1',
    '64:ff9b::a9fe:a9fe',
    '64:ff9b::10.0.0.1',
    '::ffff:0:7f00:1', // v4-translated
    '::ffff:0:192.168.0.1',
    '2002:7f00:1::', // 6to4 of 127.0.0.1
    '2002:a9fe:a9fe::1',
    '64:ff9b:1::808:808', // local-use NAT64
    '1::2::3',
    'not an address',
  ])('when a host resolves to %s, then it is refused', (address) => {
    expect(isRefusedAddress(address)).toBe(true);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8', '64:ff9b::8.8.8.8', '2002:808:808::1'])(
    'when a host resolves to the public address %s, then it is allowed',
    (address) => {
      expect(isRefusedAddress(address)).toBe(false);
    },
  );

  it('when a host resolves to one public and one private address, then it is refused', async () => {
    const policy = new AddressPolicy([], async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.1', family: 4 },
    ]);
    await expect(policy.check('https://hooks.example.test/')).rejects.toMatchObject({
      code: 'webhook_url_refused',
      details: { reason: 'address' },
    });
  });

  it('when a host is allow-listed, then plain http and a private address are accepted for it alone', async () => {
    const policy = new AddressPolicy(['receiver.internal'], async () => [{ address: '10.0.0.9', family: 4 }]);
    await expect(policy.check('http://receiver.internal:8080/hook')).resolves.toBeInstanceOf(URL);
    await expect(policy.check('http://other.internal/hook')).rejects.toMatchObject({ details: { reason: 'scheme' } });
    await expect(policy.check('https://other.internal/hook')).rejects.toMatchObject({ details: { reason: 'address' } });
  });

  it('when the host does not resolve, then it is refused as unresolved', async () => {
    const policy = new AddressPolicy([], async () => {
      throw new Error('ENOTFOUND');
    });
    await expect(policy.check('https://nowhere.invalid/')).rejects.toMatchObject({ details: { reason: 'unresolved' } });
  });
});
