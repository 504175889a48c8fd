/**
 * The eight 16-bit groups of an IPv6 address in any notation (a zone id and a dotted IPv4 tail
 * included), or `undefined` when it is not one.
 */
export function ipv6Groups(address: string): number[] | undefined {
  const bare = address.split('%')[0] ?? address;
  if (!URL.canParse(`http://[${bare}]/`)) return undefined;
  // The URL parser writes the canonical form: lower-case hex, the dotted tail as two groups.
  const canonical = new URL(`http://[${bare}]/`).hostname.slice(1, -1);
  const [head = '', tail] = canonical.split('::');
  const part = (text: string) => (text === '' ? [] : text.split(':'));
  const left = part(head);
  const right = tail === undefined ? [] : part(tail);
  const groups = [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return groups.map((group) => Number.parseInt(group, 16));
}
