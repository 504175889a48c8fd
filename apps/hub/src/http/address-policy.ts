import { BlockList, isIP } from 'node:net';
import { ipv6Groups } from './ipv6-groups.js';

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

const dotted = (high: number, low: number) =>
  [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');

/**
 * The IPv4 address an IPv6 address carries, if it is one of the forms that reach an IPv4 host:
 * IPv4-mapped (`::ffff:127.0.0.1`), IPv4-compatible (`::7f00:1`), NAT64 (`64:ff9b::/96` and the
 * local-use `64:ff9b:1::/48`) and 6to4 (`2002::/16`). Otherwise the address itself.
 */
function unmap(address: string): string {
  if (isIP(address.split('%')[0] ?? address) !== 6) return address;
  const g = ipv6Groups(address);
  if (!g) return address;
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, high = 0, low = 0] = g;
  const zeroPrefix = a === 0 && b === 0 && c === 0 && d === 0 && e === 0;
  if (zeroPrefix && f === 0xffff) return dotted(high, low);
  if (zeroPrefix && f === 0 && (high !== 0 || low > 1)) return dotted(high, low);
  if (a === 0x64 && b === 0xff9b && c === 0 && d === 0 && e === 0 && f === 0)
    return dotted(high, low);
  if (a === 0x64 && b === 0xff9b && c === 1) return dotted(high, low);
  if (a === 0x2002) return dotted(b, c);
  return address;
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
