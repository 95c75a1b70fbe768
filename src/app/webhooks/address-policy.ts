import { BlockList, isIP } from 'node:net';
import { RuleViolation } from '../../domain/errors.js';

/** Resolves a host name to its addresses (every one), as `dns.promises.lookup(host, {all: true})` does. */
export type Resolve = (host: string) => Promise<readonly { address: string; family: number }[]>;

/** IPv4 ranges no webhook may reach unless its host is allow-listed (RFC 6890 special-purpose, multicast). */
const V4_REFUSED: readonly [string, number][] = [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // shared address space (carrier-grade NAT)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata services)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];
/**
 * IPv6 ranges refused; v4-mapped (::ffff:0:0/96), v4-translated (::ffff:0:0:0/96), NAT64 (64:ff9b::/96) and 6to4
 * (2002::/16) addresses are judged by the IPv4 address they embed.
 */
const V6_REFUSED: readonly [string, number][] = [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['::', 96], // IPv4-compatible (deprecated)
  ['64:ff9b:1::', 48], // local-use NAT64 (RFC 8215): the operator's own translation
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local (private)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
];

const refusedList = (() => {
  const list = new BlockList();
  for (const [net, prefix] of V4_REFUSED) list.addSubnet(net, prefix, 'ipv4');
  for (const [net, prefix] of V6_REFUSED) list.addSubnet(net, prefix, 'ipv6');
  return list;
})();

/** The eight 16-bit groups of an IPv6 address (`::` expanded, a dotted IPv4 tail read as two groups). */
function groupsOf(address: string): number[] | undefined {
  let text = address.toLowerCase();
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[2]!.split('.').map(Number) as [number, number, number, number];
    text = `${dotted[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail, ...more] = text.split('::');
  if (more.length > 0) return undefined;
  const part = (s: string | undefined) => (s === undefined || s === '' ? [] : s.split(':').map((g) => parseInt(g, 16)));
  const left = part(head);
  const right = part(tail);
  const fill = tail === undefined ? 0 : 8 - left.length - right.length;
  const groups = [...left, ...Array<number>(Math.max(fill, 0)).fill(0), ...right];
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : undefined;
}

const v4Of = (hi: number, lo: number) => [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');

/**
 * The IPv4 address an IPv6 address embeds: v4-mapped (`::ffff:a.b.c.d`), v4-translated (`::ffff:0:a.b.c.d`),
 * NAT64 (`64:ff9b::a.b.c.d`) or 6to4 (`2002:AABB:CCDD::/48`).
 */
function embeddedV4(address: string): string | undefined {
  const g = groupsOf(address);
  if (g === undefined) return undefined;
  const zero = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zero(0, 5) && g[5] === 0xffff) return v4Of(g[6]!, g[7]!);
  if (zero(0, 4) && g[4] === 0xffff && g[5] === 0) return v4Of(g[6]!, g[7]!);
  if (g[0] === 0x64 && g[1] === 0xff9b && zero(2, 6)) return v4Of(g[6]!, g[7]!);
  if (g[0] === 0x2002) return v4Of(g[1]!, g[2]!);
  return undefined;
}

/** Whether an IP address lies in a range a webhook may not reach (loopback, private, link-local, multicast...). */
export function isRefusedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return refusedList.check(address, 'ipv4');
  if (family !== 6) return true;
  const v4 = embeddedV4(address);
  if (v4 !== undefined) return refusedList.check(v4, 'ipv4');
  return refusedList.check(address, 'ipv6');
}

const refused = (reason: string, message: string) => new RuleViolation('webhook_url_refused', 422, message, { reason });

/**
 * The SSRF rules of webhook URLs (docs/security.md, "Webhooks"): `https` only, plain `http` only for allow-listed
 * hosts (`WEBHOOK_ALLOW_HOSTS`); no credentials in the URL; every address the host resolves to must lie outside the
 * refused ranges unless the host is allow-listed. Checked when a subscription is made or changed, and again when
 * each delivery connects, on the very address the connection then uses (no second lookup to rebind).
 */
export class AddressPolicy {
  readonly #allowed: ReadonlySet<string>;

  constructor(
    allowHosts: readonly string[],
    private readonly resolve: Resolve,
  ) {
    this.#allowed = new Set(allowHosts.map((host) => host.toLowerCase()));
  }

  /** The URL, parsed, when its scheme and form are acceptable; throws `webhook_url_refused` otherwise. */
  parse(raw: string): URL {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw refused('malformed', 'the webhook URL is not an absolute URL');
    }
    if (url.username !== '' || url.password !== '')
      throw refused('credentials', 'the webhook URL may not hold credentials');
    if (url.hash !== '') throw refused('fragment', 'the webhook URL may not have a fragment');
    if (url.port === '0') throw refused('port', 'the webhook URL may not name port 0, which no receiver listens on');
    if (url.protocol === 'https:') return url;
    if (url.protocol === 'http:' && this.allowListed(url)) return url;
    throw refused('scheme', 'a webhook URL must be https (http only for hosts the operator allow-lists)');
  }

  allowListed(url: URL): boolean {
    return this.#allowed.has(hostOf(url));
  }

  /** Checks the URL and every address its host resolves to (subscription time). */
  async check(raw: string): Promise<URL> {
    const url = this.parse(raw);
    await this.addressFor(url);
    return url;
  }

  /**
   * The address to connect to for `url`: the first its host resolves to, after checking every one (a host that
   * resolves to one public and one private address is refused: the resolver may hand out either).
   */
  async addressFor(url: URL): Promise<{ address: string; family: number }> {
    const host = hostOf(url);
    const literal = isIP(host);
    const addresses = literal !== 0 ? [{ address: host, family: literal }] : await this.#lookup(host);
    const first = addresses[0];
    if (first === undefined) throw refused('unresolved', 'the webhook host has no address');
    if (!this.#allowed.has(host) && addresses.some(({ address }) => isRefusedAddress(address)))
      throw refused('address', 'the webhook host resolves to a loopback, private, link-local or reserved address');
    return first;
  }

  async #lookup(host: string): Promise<readonly { address: string; family: number }[]> {
    try {
      return await this.resolve(host);
    } catch {
      throw refused('unresolved', 'the webhook host does not resolve');
    }
  }
}

/** The host of a URL without IPv6 brackets, lower case. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
}
