// Finding the street of a request that names none: by the boundary that holds its coordinates, by the name in its address.
import { describe, expect, it } from 'vitest';
import { streetAt, streetsNamedIn } from '../../../domain/routing/locate-street.js';
import { demoCity } from '../../../local/seed/demo-city.js';

const units = demoCity.units;

describe('streetAt', () => {
  it('finds the street whose boundary holds the point, and its district', () => {
    // 海滨区 is the first band of longitude (121.0–121.1); 东门 its first street (30.00–30.04), 金沙镇 its last.
    expect(streetAt(units, { lat: 30.02, lng: 121.05 })?.id).toBe('s-haibin-dongmen');
    expect(streetAt(units, { lat: 30.19, lng: 121.05 })?.id).toBe('s-haibin-jinsha');
    // 南湖区 is the fourth band (121.3–121.4).
    expect(streetAt(units, { lat: 30.01, lng: 121.35 })).toMatchObject({ id: 's-nanhu-hubin', districtId: 'd-nanhu' });
  });

  it('places a point on an edge shared by two streets in one of them, never in none', () => {
    expect(['s-haibin-dongmen', 's-haibin-xiwan']).toContain(streetAt(units, { lat: 30.04, lng: 121.05 })?.id);
  });

  it('finds nothing outside the city', () => {
    expect(streetAt(units, { lat: 31.5, lng: 121.05 })).toBeUndefined();
    expect(streetAt(units, { lat: 30.1, lng: 120.5 })).toBeUndefined();
  });

  it('respects a hole in a boundary', () => {
    const ring = (w: number, s: number, e: number, n: number): [number, number][] => [[w, s], [e, s], [e, n], [w, n], [w, s]];
    const withHole = [{ id: 'a', type: 'street' as const, districtId: 'd', name: { zh: '甲', en: 'A' }, boundary: { type: 'Polygon' as const, coordinates: [ring(0, 0, 10, 10), ring(4, 4, 6, 6)] } }];
    expect(streetAt(withHole, { lat: 2, lng: 2 })?.id).toBe('a');
    expect(streetAt(withHole, { lat: 5, lng: 5 })).toBeUndefined();
  });
});

describe('streetsNamedIn', () => {
  it('finds a street by its full name, or by its name without 街道/镇', () => {
    expect(streetsNamedIn(units, '海滨区东门街道东门路12号').map((s) => s.id)).toEqual(['s-haibin-dongmen']);
    expect(streetsNamedIn(units, '海滨区西湾路8号').map((s) => s.id)).toEqual(['s-haibin-xiwan']);
    expect(streetsNamedIn(units, '龙泉镇龙泉村5组').map((s) => s.id)).toEqual(['s-qingshan-longquan']);
  });

  it('finds none for an address that names no street, and all it might mean when it names several', () => {
    expect(streetsNamedIn(units, '幸福路1号')).toEqual([]);
    expect(streetsNamedIn(units, '东门路与西湾路交叉口').map((s) => s.id).sort()).toEqual(['s-haibin-dongmen', 's-haibin-xiwan']);
  });
});
