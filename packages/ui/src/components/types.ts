/** A link in the header or footer navigation. */
export interface NavItem {
  href: string;
  label: string;
}

/** One choice in a facet: its value in the URL, its words, and how many results carry it. */
export interface FacetOption {
  value: string;
  label: string;
  count?: number;
}

export type TagTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** A row of a summary list: a value of one or more lines, optionally a link. */
export interface SummaryRow {
  key: string;
  value: string | readonly string[];
  href?: string;
}

/** A piece of result text; `match` marks words that matched the search (rendered as `<mark>`). */
export interface TextPart {
  text: string;
  match: boolean;
}
