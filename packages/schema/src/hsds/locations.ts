import type { Service } from '../service.js';
import { nameUuid } from './name-uuid.js';
import type { HsdsServiceAtLocation } from './types.js';

/** A service's locations as HSDS service_at_locations, each with its location object. */
export function locationsOf(service: Service): HsdsServiceAtLocation[] {
  return service.locations.map((place, i) => {
    const locationId = nameUuid(service.id, `location/${i}`);
    const { address } = place;
    return {
      id: nameUuid(service.id, `service_at_location/${i}`),
      service_id: service.id,
      location_id: locationId,
      location: {
        id: locationId,
        location_type: place.type,
        organization_id: service.organisationId,
        ...(place.name === undefined ? {} : { name: place.name }),
        ...(place.url === undefined ? {} : { url: place.url }),
        ...(place.latitude === undefined || place.longitude === undefined
          ? {}
          : { latitude: place.latitude, longitude: place.longitude }),
        ...(address === undefined
          ? {}
          : {
              addresses: [
                {
                  id: nameUuid(locationId, 'address/0'),
                  location_id: locationId,
                  address_1: address.line1,
                  ...(address.line2 === undefined ? {} : { address_2: address.line2 }),
                  city: address.city,
                  ...(address.region === undefined ? {} : { region: address.region }),
                  state_province: address.region ?? '',
                  postal_code: address.postcode ?? '',
                  country: address.country,
                  address_type: place.type,
                },
              ],
            }),
        ...(place.accessibility === undefined
          ? {}
          : {
              accessibility: [
                {
                  id: nameUuid(locationId, 'accessibility/0'),
                  location_id: locationId,
                  description: place.accessibility,
                },
              ],
            }),
      },
    };
  });
}
