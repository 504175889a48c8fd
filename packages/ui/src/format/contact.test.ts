import { describe, expect, it } from 'vitest';
import { contactAction, contactActions } from './contact.js';
import { languageName } from './language-name.js';

describe('contactAction', () => {
  it('texts a text line through sms:, not a voice call', () => {
    expect(contactAction({ number: '01632 960101', type: 'text' })).toMatchObject({
      href: 'sms:01632960101',
      verb: 'Text',
    });
    expect(contactAction({ number: '85258', type: 'text' }).href).toBe('sms:85258');
  });

  it('calls voice lines and names textphone numbers as such', () => {
    expect(contactAction({ number: '+44 1632 960100', type: 'voice' })).toMatchObject({
      href: 'tel:+441632960100',
      verb: 'Call',
    });
    expect(contactAction({ number: '01632 960370', type: 'textphone' })).toMatchObject({
      href: 'tel:01632960370',
      verb: 'Textphone',
    });
  });

  it('gives a video phone no link (a tap would start a voice call)', () => {
    expect(contactAction({ number: '01632 960371', type: 'video' })).toMatchObject({
      href: null,
      verb: 'Video phone',
    });
  });

  it('leaves fax numbers out of the ways to reach a service', () => {
    const actions = contactActions([
      { number: '01632 960001', type: 'fax' },
      { number: '01632 960002', type: 'voice' },
    ]);
    expect(actions.map((action) => action.number)).toEqual(['01632 960002']);
  });
});

describe('languageName', () => {
  it('names spoken languages', () => {
    expect(['en', 'pl', 'es'].map(languageName)).toEqual(['English', 'Polish', 'Spanish']);
  });

  it('names sign languages by code or by sgn- region tag', () => {
    expect(languageName('bfi')).toBe('British Sign Language');
    expect(languageName('sgn-GB')).toBe('British Sign Language');
    expect(languageName('ase')).toBe('American Sign Language');
  });

  it('gives back a malformed tag unchanged', () => {
    expect(languageName('not a tag')).toBe('not a tag');
  });
});
