import { describe, expect, it } from 'vitest';
import { clientKey, TrustedProxies } from './client-address.js';

describe('clientKey', () => {
  it('keys IPv4 by address and IPv6 by its /64 network', () => {
    expect(clientKey('198.51.100.7')).toBe('198.51.100.7');
    expect(clientKey('::ffff:198.51.100.7')).toBe('198.51.100.7');
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
  });
});

describe('TrustedProxies', () => {
  it('ignores X-Forwarded-For from a peer it does not trust', () => {
    const none = new TrustedProxies([]);
    expect(none.clientOf('127.0.0.1', '198.51.100.7')).toBe('127.0.0.1');
    const some = new TrustedProxies(['10.0.0.0/8']);
    expect(some.clientOf('192.0.2.1', '198.51.100.7')).toBe('192.0.2.1');
  });

  it('takes the right-most untrusted hop from a trusted proxy', () => {
    const proxies = new TrustedProxies(['10.0.0.0/8', '::1']);
    expect(proxies.clientOf('10.0.0.2', '198.51.100.7')).toBe('198.51.100.7');
    // A client that sends its own X-Forwarded-For cannot choose its key.
    expect(proxies.clientOf('10.0.0.2', '203.0.113.9, 198.51.100.7')).toBe('198.51.100.7');
    expect(proxies.clientOf('::1', '198.51.100.7, 10.0.0.3')).toBe('198.51.100.7');
    expect(proxies.clientOf('::ffff:10.0.0.2', '198.51.100.7')).toBe('198.51.100.7');
  });

  it('stops at a hop that is not an address, and keeps the proxy when there is no header', () => {
    const proxies = new TrustedProxies(['10.0.0.2']);
    expect(proxies.clientOf('10.0.0.2', 'unknown')).toBe('10.0.0.2');
    expect(proxies.clientOf('10.0.0.2', 'garbage, 198.51.100.7')).toBe('198.51.100.7');
    expect(proxies.clientOf('10.0.0.2', undefined)).toBe('10.0.0.2');
  });
});
