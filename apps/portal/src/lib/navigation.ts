import type { NavItem } from '@promise-global/ui';

/** The portal's main sections, in the header's order. */
export const MAIN_NAVIGATION: readonly NavItem[] = [
  { href: '/innovations', label: 'Innovations' },
  { href: '/spread', label: 'Spread' },
  { href: '/services', label: 'Find a service' },
  { href: '/partners', label: 'Partners' },
  { href: '/status', label: 'Network status' },
];

/** Bulletins join the main navigation when the hub runs Project 52. */
export const BULLETINS_ITEM: NavItem = { href: '/bulletins', label: 'Bulletins' };

export const FOOTER_NAVIGATION: readonly NavItem[] = [
  { href: '/accessibility', label: 'Accessibility statement' },
  { href: '/services?urgency=emergency&urgency=urgent', label: 'Crisis services' },
  { href: '/status', label: 'Network status' },
  { href: '/editors', label: 'Editors' },
];
