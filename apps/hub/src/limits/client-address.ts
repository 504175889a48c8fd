import { BlockList, isIP } from 'node:net';
import { ipv6Groups } from '../http/ipv6-groups.js';

/** An IPv4-mapped IPv6 address (`::ffff:127.0.0.1`) is the IPv4 address inside it. */
function unmap(address: string): string {
  return /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] ?? address;
}

/**
 * The key a client is limited by: its IPv4 address, or the /64 network of an IPv6 one (one
 * subscriber line owns a whole /64, so per-address limits on IPv6 would be no limit at all).
 */
export function clientKey(address: string): string {
  const plain = unmap(address.trim());
  if (isIP(plain) !== 6) return plain;
  const groups = ipv6Groups(plain);
  if (!groups) return plain;
  const prefix = groups.slice(0, 4);
  return `${prefix.map((group) => group.toString(16)).join(':')}::/64`;
}

/**
 * Which peers may tell the hub the real client's address in `X-Forwarded-For` (a reverse proxy,
 * the portal's server): exact IPs or CIDR ranges. Nobody by default.
 */
export class TrustedProxies {
  private readonly list = new BlockList();
  private readonly empty: boolean;

  constructor(entries: readonly string[]) {
    this.empty = entries.length === 0;
    for (const entry of entries) {
      const [network = '', prefix] = entry.split('/');
      const family = isIP(network);
      if (family === 0) throw new RangeError(`not an IP address or CIDR range: ${entry}`);
      const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
      this.list.addSubnet(network, bits, family === 6 ? 'ipv6' : 'ipv4');
    }
  }

  trusts(address: string): boolean {
    if (this.empty) return false;
    const plain = unmap(address.trim());
    const family = isIP(plain);
    return family !== 0 && this.list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
  }

  /**
   * The client behind `peer`: `peer` itself unless it is a trusted proxy, in which case the
   * right-most `X-Forwarded-For` entry that is not a trusted proxy (entries further left were
   * written by the client and prove nothing).
   */
  clientOf(peer: string, forwardedFor: string | undefined): string {
    let client = peer;
    if (!this.trusts(peer) || !forwardedFor) return client;
    const hops = forwardedFor.split(',').map((hop) => hop.trim());
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = hops[i] ?? '';
      if (isIP(unmap(hop)) === 0) break;
      client = hop;
      if (!this.trusts(hop)) break;
    }
    return client;
  }
}
