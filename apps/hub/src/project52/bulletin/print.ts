import { escapeHtml } from '@promise-global/ui/markdown';
import { type Bulletin, bulletinSubject } from './bulletin.js';
import { renderBulletinPage } from './page.js';

/**
 * One side of A4: a two-column body at 9.3pt holds the 750-word ceiling (body and case-study
 * sections together) with the header and the "also new" list; the summary spans both columns.
 */
export const PRINT_CSS = `
@page { size: A4; margin: 12mm 14mm; }
html, body { margin: 0; padding: 0; }
body { font-family: Georgia, 'Times New Roman', serif; font-size: 9.3pt; line-height: 1.28; color: #111; }
.p52-bulletin { max-width: 182mm; margin: 0 auto; }
.p52-week { font-family: Arial, Helvetica, sans-serif; font-size: 8pt; letter-spacing: 0.02em; text-transform: uppercase; margin: 0 0 2mm; color: #14423d; border-bottom: 0.6pt solid #14423d; padding-bottom: 1mm; }
.p52-title { font-size: 17pt; line-height: 1.15; margin: 0 0 1.5mm; }
.p52-meta { font-family: Arial, Helvetica, sans-serif; font-size: 8.5pt; margin: 0 0 1.5mm; color: #333; }
.p52-themes { list-style: none; margin: 0 0 2mm; padding: 0; font-family: Arial, Helvetica, sans-serif; font-size: 7.5pt; }
.p52-themes li { display: inline-block; border: 0.5pt solid #14423d; border-radius: 2mm; padding: 0 1.5mm; margin: 0 1mm 0.5mm 0; }
.p52-summary { font-style: italic; font-size: 10.5pt; margin: 0 0 2.5mm; }
.p52-body { column-count: 2; column-gap: 6mm; column-fill: balance; }
.p52-body p, .p52-body ul, .p52-body ol, .p52-body blockquote, .p52-body pre { margin: 0 0 1.6mm; }
.p52-body h2, .p52-body h3, .p52-body h4, .p52-body h5, .p52-body h6 { font-size: 10.5pt; margin: 1.6mm 0 0.6mm; break-after: avoid; }
.p52-body ul, .p52-body ol { padding-left: 4.5mm; }
.p52-body blockquote { border-left: 1pt solid #777; padding-left: 2.5mm; margin-left: 0; }
.p52-body pre { white-space: pre-wrap; font-size: 8pt; }
.p52-body a { color: inherit; }
.p52-resources { font-family: Arial, Helvetica, sans-serif; font-size: 8pt; }
.p52-resources a { text-decoration: none; }
.p52-contact { font-family: Arial, Helvetica, sans-serif; font-size: 8pt; margin: 2mm 0 0; }
.p52-also-new { margin-top: 2.5mm; border-top: 0.6pt solid #14423d; padding-top: 1.5mm; font-family: Arial, Helvetica, sans-serif; font-size: 7.5pt; column-count: 2; column-gap: 6mm; }
.p52-also-new h2 { font-size: 8.5pt; margin: 0 0 1mm; column-span: all; }
.p52-also-new h3 { font-size: 7.5pt; margin: 0 0 0.5mm; }
.p52-also-new ul { margin: 0 0 1mm; padding-left: 3.5mm; }
.p52-also-new a { color: inherit; text-decoration: none; }
`;

/** The printable bulletin: a whole HTML document whose print stylesheet fits one side of A4. */
export function renderBulletinPrint(bulletin: Bulletin): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(bulletinSubject(bulletin))}</title>
<style>${PRINT_CSS}</style></head>
<body>
${renderBulletinPage(bulletin)}</body></html>
`;
}
