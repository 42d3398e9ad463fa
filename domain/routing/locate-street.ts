// Where a request is, when it gives no street: the street whose boundary holds its coordinates, or whose name its
// address spells out. Open311 clients send lat/long or a free-text address; intake needs the street and district.
import inside from 'point-in-polygon-hao';
import type { Coordinates } from '../../schemas/ticket.js';
import type { Unit } from '../../schemas/unit.js';

/** The street whose boundary holds the point (a point on a shared edge: the first listed), if any. */
export function streetAt(units: readonly Unit[], point: Coordinates): Unit | undefined {
  return units.find((unit) => unit.type === 'street' && unit.boundary && inside([point.lng, point.lat], unit.boundary.coordinates) !== false);
}

// The generic endings of a street's or town's name: an address says 东门路, not 东门街道.
const NAME_ENDINGS = /(街道|镇|乡)$/;

/**
 * The streets an address names: those whose full name it contains, or else those whose name without its ending
 * (东门 of 东门街道) it contains. One street is a match; none or several, the caller must say where by coordinates.
 */
export function streetsNamedIn(units: readonly Unit[], address: string): Unit[] {
  const streets = units.filter((unit) => unit.type === 'street');
  const byFullName = streets.filter((street) => address.includes(street.name.zh));
  if (byFullName.length > 0) return byFullName;
  return streets.filter((street) => {
    const stem = street.name.zh.replace(NAME_ENDINGS, '');
    // A one-character stem would match half the addresses of the city.
    return stem.length >= 2 && address.includes(stem);
  });
}
