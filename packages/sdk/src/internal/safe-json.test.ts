import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duplicateMember } from './safe-json.js';

describe('duplicateMember (§10.3)', () => {
  it('finds a name twice in one object, at any depth, after unescaping', () => {
    expect(duplicateMember('{"alg":"none","alg":"EdDSA"}')).toBe('alg');
    expect(duplicateMember('{"a":[{"b":1,"c":{"d":1,"d":2}}]}')).toBe('d');
    expect(duplicateMember('{"typ":1,"\\u0074yp":2}')).toBe('typ');
  });

  it('is not fooled by names inside strings or by the same name in sibling objects', () => {
    expect(duplicateMember('{"a":"{\\"a\\":1,\\"a\\":2}","b":"\\"a\\":"}')).toBeUndefined();
    expect(duplicateMember('{"list":[{"a":1},{"a":2}],"o":{"a":{"a":1}}}')).toBeUndefined();
    expect(duplicateMember('{"a\\\\":1,"a":2}')).toBeUndefined();
  });

  it('never reports a duplicate in what JSON.stringify writes, and always one when a member is repeated', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue(), { minKeys: 1 }), (object) => {
        const text = JSON.stringify(object);
        expect(duplicateMember(text)).toBeUndefined();
        const [name] = Object.keys(object);
        const repeated = `{${JSON.stringify(name)}:null,${text.slice(1)}`;
        expect(duplicateMember(repeated)).toBe(name);
      }),
    );
  });
});
