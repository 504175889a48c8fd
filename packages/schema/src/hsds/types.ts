/** The HSDS 3.0 shapes `toHsdsService` writes: the subset of the standard this network fills. */

export interface HsdsTaxonomy {
  id: string;
  name: string;
  description: string;
  uri?: string;
  version?: string;
}

export interface HsdsTaxonomyTerm {
  id: string;
  code: string;
  name: string;
  description: string;
  taxonomy: string;
  taxonomy_id: string;
  taxonomy_detail: HsdsTaxonomy;
}

export interface HsdsAttribute {
  id: string;
  link_id: string;
  link_entity: string;
  taxonomy_term_id: string;
  taxonomy_term: HsdsTaxonomyTerm;
  value?: string;
}

export interface HsdsPhone {
  id: string;
  service_id: string;
  number: string;
  type: string;
  description?: string;
}

export interface HsdsSchedule {
  id: string;
  service_id: string;
  freq: 'WEEKLY';
  wkst: 'MO';
  byday: string;
  opens_at: string;
  closes_at: string;
  description?: string;
}

export interface HsdsServiceArea {
  id: string;
  service_id: string;
  name: string;
  uri?: string;
  attributes?: HsdsAttribute[];
}

export interface HsdsLanguage {
  id: string;
  service_id: string;
  code: string;
  name?: string;
  note?: string;
}

export interface HsdsAddress {
  id: string;
  location_id: string;
  address_1: string;
  address_2?: string;
  city: string;
  region?: string;
  state_province: string;
  postal_code: string;
  country: string;
  address_type: 'physical' | 'virtual';
}

export interface HsdsLocation {
  id: string;
  location_type: 'physical' | 'virtual';
  organization_id: string;
  name?: string;
  url?: string;
  addresses?: HsdsAddress[];
  latitude?: number;
  longitude?: number;
  accessibility?: { id: string; location_id: string; description: string }[];
}

export interface HsdsServiceAtLocation {
  id: string;
  service_id: string;
  location_id: string;
  location: HsdsLocation;
}

export interface HsdsOrganizationIdentifier {
  id: string;
  organization_id: string;
  identifier_scheme?: string;
  identifier_type: string;
  identifier: string;
}

export interface HsdsOrganization {
  id: string;
  name: string;
  description: string;
  email?: string;
  website?: string;
  organization_identifiers: HsdsOrganizationIdentifier[];
}

export interface HsdsService {
  id: string;
  organization_id: string;
  name: string;
  description: string;
  status: string;
  url?: string;
  email?: string;
  eligibility_description?: string;
  minimum_age?: number;
  maximum_age?: number;
  wait_time?: string;
  assured_date?: string;
  last_modified: string;
  phones: HsdsPhone[];
  schedules: HsdsSchedule[];
  service_areas: HsdsServiceArea[];
  languages: HsdsLanguage[];
  service_at_locations: HsdsServiceAtLocation[];
  attributes: HsdsAttribute[];
  organization: HsdsOrganization;
}
