import type { ReferralRoute, Service } from '@promise-global/schema';
import type { SummaryRow } from '@promise-global/ui';
import { formatAgeRange, formatHours, languageName, zoneTime } from '@promise-global/ui/format';
import { label } from './labels.js';

/** A referral route in words: "You can refer yourself", "Referral from the Home Treatment Team". */
export function referralInWords(route: ReferralRoute): string {
  const base =
    route.route === 'named_team' ? `Referral from ${route.teamName}` : label(route.route);
  return route.description ? `${base}: ${route.description}` : base;
}

function addressInWords(location: Service['locations'][number]): string {
  const parts = [
    location.name,
    location.address?.line1,
    location.address?.line2,
    location.address?.city,
    location.address?.postcode,
  ];
  const text = parts.filter(Boolean).join(', ');
  const where = location.type === 'virtual' ? `Online${text ? `: ${text}` : ''}` : text;
  return location.accessibility ? `${where}. Access: ${location.accessibility}` : where;
}

/** Everything a service listing holds, as summary-list rows (empty fields left out). */
export function serviceFacts(service: Service, organisationName: string | null): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const add = (
    key: string,
    value: string | readonly string[] | null | undefined,
    href?: string,
  ) => {
    if (value === null || value === undefined || value.length === 0) return;
    rows.push(href ? { key, value, href } : { key, value });
  };
  add('Run by', organisationName);
  add('How urgent', label(service.urgency));
  add('Who can refer', service.referralRoutes.map(referralInWords));
  add('Hours', formatHours(service));
  if (service.timeZone && !service.available24x7 && service.schedules.length > 0) {
    add('Times are in', zoneInWords(service.timeZone));
  }
  add('Response', service.responseStandard?.description);
  add('Kind of help', service.categories.map(label));
  add(
    'Area',
    service.serviceAreas.map((area) => area.name),
  );
  add('Who it is for', service.eligibilityDescription);
  add('Ages', formatAgeRange(service.minAge, service.maxAge) ?? 'Any age');
  add('Languages', service.languages.map(languageName));
  add('Where', service.locations.map(addressInWords));
  add('Website', service.url, service.url);
  add('Email', service.email, service.email ? `mailto:${service.email}` : undefined);
  if (service.status !== 'active') add('Status', label(service.status));
  return rows;
}

/** "New York time (America/New_York)": the zone's place in words, then its IANA name. */
function zoneInWords(zone: string): string {
  return zone === 'UTC' ? 'UTC' : `${zoneTime(zone)} (${zone})`;
}
