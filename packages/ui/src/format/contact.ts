import type { Phone } from '@promise-global/schema';
import { telHref } from './tel-href.js';

/** How a listed number is used: the link a tap opens (none when no scheme fits) and its words. */
export interface ContactAction {
  /** `tel:` to call, `sms:` to text; null for a video phone (no link scheme opens one). */
  href: string | null;
  /** The verb a person sees: "Call", "Text", "Textphone", "Video phone". */
  verb: string;
  number: string;
  type: Phone['type'];
  /** The listing's note on the number ("Text the crisis line if speaking is hard"). */
  description?: string | undefined;
}

const VERBS: Readonly<Record<Phone['type'], string>> = {
  voice: 'Call',
  text: 'Text',
  textphone: 'Textphone',
  video: 'Video phone',
  fax: 'Fax',
};

/** An `sms:` link for a listed text number: spaces dropped, the leading `+` kept. */
export function smsHref(number: string): string {
  return `sms:${number.replace(/[^\d+]/g, '')}`;
}

/**
 * The right way to reach a number: text lines open the messages app (`sms:`), voice and
 * textphone numbers the dialler (`tel:`; a textphone app or relay service takes the call), and a
 * video phone gets no link (a tap would start a voice call), only its words.
 *
 * @example contactAction({ number: '85258', type: 'text' }) // { href: 'sms:85258', verb: 'Text', … }
 */
export function contactAction(
  phone: Pick<Phone, 'number' | 'type'> & { description?: string | undefined },
): ContactAction {
  const href =
    phone.type === 'text'
      ? smsHref(phone.number)
      : phone.type === 'video' || phone.type === 'fax'
        ? null
        : telHref(phone.number);
  return {
    href,
    verb: VERBS[phone.type],
    number: phone.number,
    type: phone.type,
    description: phone.description,
  };
}

/** The ways of reaching a service a person can use, in the order listed (fax left out). */
export function contactActions(
  phones: ReadonlyArray<Pick<Phone, 'number' | 'type'> & { description?: string | undefined }>,
): ContactAction[] {
  return phones.filter((phone) => phone.type !== 'fax').map(contactAction);
}
