import { labelFor } from '@promise-global/ui/format';
import { escapeHtml } from '@promise-global/ui/markdown';
import {
  type AlsoNewItem,
  type Bulletin,
  bulletinSubject,
  linkTarget,
  weekLabel,
} from './bulletin.js';
import { markdownToPlainText } from './plain-text.js';
import { emailMarkdown } from './styled-markdown.js';

/** One subscriber's copy: the same for everyone but the unsubscribe link. */
export interface BulletinEmail {
  subject: string;
  html: string;
  text: string;
}

const SANS = 'font-family:Arial,Helvetica,sans-serif;';
const SERIF = "font-family:Georgia,'Times New Roman',serif;";
const TABLE = 'role="presentation" cellpadding="0" cellspacing="0" border="0"';

function alsoNewHtml(heading: string, items: readonly AlsoNewItem[]): string {
  if (items.length === 0) return '';
  const rows = items
    .map(
      (item) =>
        `<li style="${SANS}font-size:14px;line-height:1.5;color:#1f2933;margin:0 0 6px;"><a href="${escapeHtml(linkTarget(item.url))}" style="color:#14645c;text-decoration:underline;">${escapeHtml(item.title)}</a> <span style="color:#52606d;">(${escapeHtml(item.partnerName)})</span></li>`,
    )
    .join('');
  return `<p style="${SANS}font-size:14px;font-weight:bold;color:#1f2933;margin:0 0 6px;">${escapeHtml(heading)}</p><ul style="margin:0 0 14px;padding-left:20px;">${rows}</ul>`;
}

function pieceMeta(bulletin: Bulletin): string {
  const { piece } = bulletin;
  const parts = [labelFor(piece.kind), piece.setting].filter((part): part is string =>
    Boolean(part),
  );
  return `From ${piece.partnerName}${parts.length > 0 ? ` · ${parts.join(' · ')}` : ''}`;
}

/** "until 1 March 2027": when the bulletin's unsubscribe link stops working. */
function linkLife(until: Date | undefined): string {
  return until
    ? ` (the link works until ${until.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })}; every bulletin brings a new one)`
    : '';
}

/** The bulletin email: table layout and inline styles only (no <style>, no <script>), with a plain-text twin. */
export function renderBulletinEmail(
  bulletin: Bulletin,
  unsubscribeUrl: string,
  unsubscribeUntil?: Date,
): BulletinEmail {
  const { piece } = bulletin;
  const themes = piece.themes
    .map(
      (theme) =>
        `<span style="${SANS}display:inline-block;font-size:12px;color:#14423d;background:#e3f0ee;padding:2px 8px;margin:0 6px 6px 0;border-radius:10px;">${escapeHtml(labelFor(theme))}</span>`,
    )
    .join('');
  const contact = piece.contact
    ? `<p style="${SANS}font-size:14px;color:#3e4c59;margin:18px 0 0;">Contact: ${escapeHtml(piece.contact.role)}, <a href="${escapeHtml(linkTarget(`mailto:${piece.contact.email}`))}" style="color:#14645c;">${escapeHtml(piece.contact.email)}</a></p>`
    : '';
  const also =
    alsoNewHtml('New services', bulletin.alsoNew.services) +
    alsoNewHtml('Other recent pieces', bulletin.alsoNew.pieces) +
    alsoNewHtml('Taken up elsewhere', bulletin.alsoNew.adoptions ?? []);
  const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(bulletinSubject(bulletin))}</title></head>
<body style="margin:0;padding:0;background:#f4f4f2;">
<div style="display:none;max-height:0;overflow:hidden;">${escapeHtml(piece.summary)}</div>
<table ${TABLE} width="100%" style="background:#f4f4f2;"><tr><td align="center" style="padding:24px 12px;">
<table ${TABLE} width="600" style="width:100%;max-width:600px;background:#ffffff;border:1px solid #d9dedc;">
<tr><td style="${SANS}padding:18px 28px;background:#14423d;color:#ffffff;font-size:14px;line-height:1.4;"><strong style="font-size:16px;">PROMISE Network · Project 52</strong><br>${escapeHtml(weekLabel(bulletin.week))}</td></tr>
<tr><td style="padding:26px 28px 8px;">
<h1 style="${SERIF}font-size:26px;line-height:1.25;color:#1f2933;margin:0 0 8px;">${escapeHtml(piece.title)}</h1>
<p style="${SANS}font-size:14px;color:#52606d;margin:0 0 12px;">${escapeHtml(pieceMeta(bulletin))}</p>
<div style="margin:0 0 10px;">${themes}</div>
<p style="${SERIF}font-size:18px;line-height:1.5;color:#1f2933;font-style:italic;margin:0 0 18px;">${escapeHtml(piece.summary)}</p>
${emailMarkdown(piece.body)}${contact}
<p style="${SANS}font-size:14px;margin:18px 0 0;"><a href="${escapeHtml(linkTarget(piece.url))}" style="color:#14645c;">Read it on the PROMISE portal</a></p>
</td></tr>
${also ? `<tr><td style="padding:18px 28px 6px;border-top:1px solid #d9dedc;"><p style="${SERIF}font-size:18px;color:#1f2933;margin:0 0 10px;">Also new in the network</p>${also}</td></tr>` : ''}
<tr><td style="${SANS}padding:16px 28px 22px;background:#f4f4f2;font-size:12px;line-height:1.5;color:#52606d;">Partners: please forward this bulletin within your organisation. <a href="${escapeHtml(linkTarget(bulletin.url))}" style="color:#14645c;">View in your browser</a>.<br>You receive Project 52 because you confirmed your subscription. <a href="${escapeHtml(linkTarget(unsubscribeUrl))}" style="color:#14645c;">Unsubscribe</a> in one click${escapeHtml(linkLife(unsubscribeUntil))}.</td></tr>
</table></td></tr></table></body></html>
`;
  return {
    subject: bulletinSubject(bulletin),
    html,
    text: renderBulletinText(bulletin, unsubscribeUrl, unsubscribeUntil),
  };
}

function alsoNewText(heading: string, items: readonly AlsoNewItem[]): string[] {
  if (items.length === 0) return [];
  return [
    `${heading}:`,
    ...items.map((item) => `- ${item.title} (${item.partnerName}): ${item.url}`),
    '',
  ];
}

/** The text/plain part: the same content, no markup. */
export function renderBulletinText(
  bulletin: Bulletin,
  unsubscribeUrl: string,
  unsubscribeUntil?: Date,
): string {
  const { piece } = bulletin;
  const also = [
    ...alsoNewText('New services', bulletin.alsoNew.services),
    ...alsoNewText('Other recent pieces', bulletin.alsoNew.pieces),
    ...alsoNewText('Taken up elsewhere', bulletin.alsoNew.adoptions ?? []),
  ];
  return [
    'PROMISE Network · Project 52',
    weekLabel(bulletin.week),
    '',
    piece.title.toUpperCase(),
    pieceMeta(bulletin),
    `Themes: ${piece.themes.map((theme) => labelFor(theme)).join(', ')}`,
    '',
    piece.summary,
    '',
    markdownToPlainText(piece.body),
    '',
    ...(piece.contact ? [`Contact: ${piece.contact.role}, ${piece.contact.email}`, ''] : []),
    `Read it on the PROMISE portal: ${piece.url}`,
    '',
    ...(also.length > 0 ? ['ALSO NEW IN THE NETWORK', '', ...also] : []),
    '--',
    'Partners: please forward this bulletin within your organisation.',
    `View in your browser: ${bulletin.url}`,
    `Unsubscribe in one click${linkLife(unsubscribeUntil)}: ${unsubscribeUrl}`,
    '',
  ].join('\n');
}
