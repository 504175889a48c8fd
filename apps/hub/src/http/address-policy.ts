import { BlockList, isIP } from 'node:net';

const privateRanges = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  privateRanges.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  privateRanges.addSubnet(network, prefix, 'ipv6');
}

function family(address: string): 'ipv4' | 'ipv6' {
  return isIP(address) === 6 ? 'ipv6' : 'ipv4';
}

/** An IPv4-mapped IPv6 address (`::ffff:127.0.0.1`) is judged by the IPv4 address inside it. */
function unmap(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped?.[1] ?? address;
}

/** True for loopback, private, link-local, unique-local, multicast and unspecified addresses. */
export function isPrivateAddress(address: string): boolean {
  const plain = unmap(address);
  return privateRanges.check(plain, family(plain));
}

/**
 * Decides which hosts the hub may fetch. Public addresses always; private ones only when the
 * operator's allow-list names the host, the address or a CIDR range containing it.
 */
export class AddressPolicy {
  private readonly hosts = new Set<string>();
  private readonly ranges = new BlockList();

  constructor(allow: readonly string[]) {
    for (const entry of allow) {
      const [network, prefix] = entry.split('/');
      if (network && isIP(network)) {
        const bits = prefix === undefined ? (isIP(network) === 6 ? 128 : 32) : Number(prefix);
        this.ranges.addSubnet(network, bits, family(network));
      } else {
        this.hosts.add(entry.toLowerCase());
      }
    }
  }

  /** Whether `address` (resolved from `hostname`) may be connected to. */
  permits(hostname: string, address: string): boolean {
    if (!isPrivateAddress(address)) return true;
    if (this.hosts.has(hostname.toLowerCase())) return true;
    const plain = unmap(address);
    return this.ranges.check(plain, family(plain));
  }
}
