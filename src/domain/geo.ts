/**
 * Distance checks for location check-in. Both points must be in the same datum: wx.getLocation
 * returns WGS-84 by default and GCJ-02 when asked with type 'gcj02' (what maps in China and the
 * map picker use), so events store GCJ-02 and the client asks for gcj02. The two datums differ by
 * a few hundred metres in China, more than a check-in radius. Haversine on a sphere is within
 * ~0.5 % of the ellipsoidal distance, far below GPS error at check-in distances.
 */
export interface GeoPoint {
  latitude: number;
  longitude: number;
}

/** IUGG mean Earth radius. */
export const EARTH_RADIUS_M = 6_371_008.8;

export function isValidGeoPoint(point: GeoPoint): boolean {
  const { latitude, longitude } = point;
  return (
    Number.isFinite(latitude) && Number.isFinite(longitude) && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180
  );
}

function assertGeoPoint(point: GeoPoint): void {
  if (!isValidGeoPoint(point)) throw new RangeError(`invalid coordinates ${point.latitude},${point.longitude}`);
}

const radians = (degrees: number): number => (degrees * Math.PI) / 180;

export function distanceMetres(a: GeoPoint, b: GeoPoint): number {
  assertGeoPoint(a);
  assertGeoPoint(b);
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  // min() guards against rounding pushing h a hair above 1 for antipodal points.
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Inclusive: a member exactly on the edge is inside. */
export function withinRadius(a: GeoPoint, b: GeoPoint, radiusM: number): boolean {
  if (!Number.isFinite(radiusM) || radiusM < 0)
    throw new RangeError(`radius must be a non-negative number of metres, got ${radiusM}`);
  return distanceMetres(a, b) <= radiusM;
}
