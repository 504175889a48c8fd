import type { HubConfig } from '../config/config.js';

/** Pages of the portal, as absolute URLs, for links in feeds and bulletins. */
export interface PortalLinks {
  home: string;
  innovations(filter?: { theme?: string; partner?: string }): string;
  innovation(partnerId: string, recordId: string): string;
  service(partnerId: string, recordId: string): string;
  services(): string;
  partner(partnerId: string): string;
  bulletins(): string;
  bulletin(week: string): string;
  /** The portal's page that confirms a subscription (double opt-in) with a mailed token. */
  subscribeConfirm(token: string): string;
  /** The portal's unsubscribe page for a bulletin's token (GET shows a button, POST acts). */
  unsubscribe(token: string): string;
}

/** Links into the portal at `base` (trailing slashes ignored). */
export function portalLinks(base: string): PortalLinks {
  const root = base.replace(/\/+$/, '');
  const path = (...parts: string[]) => `${root}/${parts.map(encodeURIComponent).join('/')}`;
  return {
    home: `${root}/`,
    innovations: (filter = {}) => {
      const query = new URLSearchParams();
      if (filter.theme) query.set('theme', filter.theme);
      if (filter.partner) query.set('partner', filter.partner);
      const search = query.toString();
      return `${root}/innovations${search ? `?${search}` : ''}`;
    },
    innovation: (partnerId, recordId) => path('innovations', partnerId, recordId),
    service: (partnerId, recordId) => path('services', partnerId, recordId),
    services: () => `${root}/services`,
    partner: (partnerId) => path('partners', partnerId),
    bulletins: () => `${root}/bulletins`,
    bulletin: (week) => path('bulletins', week),
    subscribeConfirm: (token) => `${root}/subscribe/confirm?token=${encodeURIComponent(token)}`,
    unsubscribe: (token) => `${root}/subscribe/unsubscribe?token=${encodeURIComponent(token)}`,
  };
}

/**
 * The portal as configured now (`portalUrl`, else Project 52's earlier `portalUrl`), or undefined
 * when the hub does not know its portal. Read at serve time: nothing stored keeps an old address.
 */
export function configuredPortal(config: HubConfig): PortalLinks | undefined {
  const base = config.portalUrl ?? config.project52?.portalUrl;
  return base === undefined ? undefined : portalLinks(base);
}

/** The hub's own JSON of a signed record (`GET /records/{partner}/{type}/{id}`). */
export function recordUrl(hub: string, partnerId: string, type: string, recordId: string): string {
  return `${hub}/records/${[partnerId, type, recordId].map(encodeURIComponent).join('/')}`;
}
