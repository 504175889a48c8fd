import { describe, expect, it } from 'vitest';
import { AddressPolicy, isPrivateAddress } from './address-policy.js';

describe('address policy', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '::1',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::FFFF:A9FE:A9FE',
    '::7f00:1',
    '::127.0.0.1',
    '::a00:1',
    '64:ff9b::a9fe:a9fe',
    '64:ff9b::169.254.169.254',
    '64:ff9b::7f00:1',
    '64:ff9b:1::a00:1',
    '2002:7f00:1::1',
    '2002:c0a8:101::',
    '0:0:0:0:0:ffff:10.0.0.1',
    'fe80::1%eth0',
    '0.0.0.0',
  ])('treats %s as private', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each([
    '93.184.215.14',
    '2606:4700::1111',
    '8.8.8.8',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
  ])('treats %s as public', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });

  it('refuses private addresses unless the allow-list names the host, address or range', () => {
    expect(new AddressPolicy([]).permits('localhost', '127.0.0.1')).toBe(false);
    expect(new AddressPolicy(['localhost']).permits('localhost', '127.0.0.1')).toBe(true);
    expect(new AddressPolicy(['127.0.0.0/8']).permits('example.test', '127.9.9.9')).toBe(true);
    expect(new AddressPolicy(['127.0.0.1']).permits('x', '127.0.0.2')).toBe(false);
    expect(new AddressPolicy(['::1']).permits('x', '::1')).toBe(true);
    expect(new AddressPolicy([]).permits('example.org', '93.184.215.14')).toBe(true);
  });

  it('refuses a private IPv4 address wrapped in an IPv6 form, and allows it only by its IPv4 range', () => {
    const none = new AddressPolicy([]);
    for (const wrapped of ['::7f00:1', '64:ff9b::a9fe:a9fe', '::ffff:a9fe:a9fe'])
      expect(none.permits(wrapped, wrapped)).toBe(false);
    expect(new AddressPolicy(['127.0.0.0/8']).permits('x', '::ffff:7f00:1')).toBe(true);
  });
});
