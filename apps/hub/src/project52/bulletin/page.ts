import { CASE_STUDY_SECTIONS, type CaseStudy } from '@promise-global/schema';
import { labelFor } from '@promise-global/ui/format';
import { escapeHtml, renderMarkdown } from '@promise-global/ui/markdown';
import { type AlsoNewItem, type Bulletin, linkTarget, weekLabel } from './bulletin.js';

/** The case-study sections under their headings, then the resource links (inside the body's columns). */
function caseStudyHtml(caseStudy: CaseStudy | undefined): string {
  if (!caseStudy) return '';
  const sections = CASE_STUDY_SECTIONS.flatMap(({ key, heading }) => {
    const text = caseStudy[key];
    return text ? [`<h2>${escapeHtml(heading)}</h2>\n${renderMarkdown(text)}`] : [];
  });
  const resources = caseStudy.resources ?? [];
  if (resources.length > 0) {
    const items = resources
      .map(
        (resource) =>
          `<li><a href="${escapeHtml(linkTarget(resource.url))}">${escapeHtml(resource.title)}</a></li>`,
      )
      .join('');
    sections.push(`<h2>Resources</h2>\n<ul class="p52-resources">${items}</ul>`);
  }
  return sections.join('\n');
}

function alsoNewList(heading: string, items: readonly AlsoNewItem[]): string {
  if (items.length === 0) return '';
  const rows = items
    .map(
      (item) =>
        `<li><a href="${escapeHtml(linkTarget(item.url))}">${escapeHtml(item.title)}</a> <span class="p52-partner">(${escapeHtml(item.partnerName)})</span></li>`,
    )
    .join('');
  return `<h3>${escapeHtml(heading)}</h3><ul>${rows}</ul>`;
}

/**
 * The bulletin as a page fragment for the portal (and the body of the print view): semantic HTML
 * with `p52-` classes for the portal's stylesheet, no inline style or script, so it sits under a
 * strict Content-Security-Policy.
 */
export function renderBulletinPage(bulletin: Bulletin): string {
  const { piece } = bulletin;
  const meta = [labelFor(piece.kind), piece.setting].filter((part): part is string =>
    Boolean(part),
  );
  const themes = piece.themes.map((theme) => `<li>${escapeHtml(labelFor(theme))}</li>`).join('');
  const contact = piece.contact
    ? `<p class="p52-contact">Contact: ${escapeHtml(piece.contact.role)}, <a href="${escapeHtml(linkTarget(`mailto:${piece.contact.email}`))}">${escapeHtml(piece.contact.email)}</a></p>`
    : '';
  const also =
    alsoNewList('New services', bulletin.alsoNew.services) +
    alsoNewList('Other recent pieces', bulletin.alsoNew.pieces) +
    alsoNewList('Taken up elsewhere', bulletin.alsoNew.adoptions ?? []);
  return `<article class="p52-bulletin" data-week="${escapeHtml(bulletin.week)}">
<header class="p52-header">
<p class="p52-week">PROMISE Network · Project 52 · ${escapeHtml(weekLabel(bulletin.week))}</p>
<h1 class="p52-title">${escapeHtml(piece.title)}</h1>
<p class="p52-meta">From <span class="p52-partner">${escapeHtml(piece.partnerName)}</span>${meta.map((part) => ` · ${escapeHtml(part)}`).join('')}</p>
<ul class="p52-themes" aria-label="Themes">${themes}</ul>
<p class="p52-summary">${escapeHtml(piece.summary)}</p>
</header>
<div class="p52-body">
${renderMarkdown(piece.body)}${caseStudyHtml(piece.caseStudy)}</div>
${contact}
${also ? `<aside class="p52-also-new" aria-label="Also new in the network"><h2>Also new in the network</h2>${also}</aside>` : ''}
</article>
`;
}
