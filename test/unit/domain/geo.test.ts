import { distanceMetres, EARTH_RADIUS_M, isValidGeoPoint, withinRadius } from '../../../src/domain/geo';

const tiananmen = { latitude: 39.9087, longitude: 116.3975 };
/** 0.009° of latitude due north: a meridian arc of R·Δφ ≈ 1000.76 m. */
const oneKmNorth = { latitude: 39.9177, longitude: 116.3975 };

describe('distanceMetres', () => {
  it('is zero for the same point', () => {
    expect(distanceMetres(tiananmen, tiananmen)).toBe(0);
  });

  it('measures about one kilometre due north of Tiananmen', () => {
    expect(distanceMetres(tiananmen, oneKmNorth)).toBeCloseTo((EARTH_RADIUS_M * 0.009 * Math.PI) / 180, 3);
    expect(distanceMetres(tiananmen, oneKmNorth)).toBeCloseTo(1000.76, 1);
  });

  it('shrinks east-west distance with latitude', () => {
    const east = { latitude: tiananmen.latitude, longitude: tiananmen.longitude + 0.01 };
    const expected = (EARTH_RADIUS_M * 0.01 * Math.PI * Math.cos((tiananmen.latitude * Math.PI) / 180)) / 180;
    expect(distanceMetres(tiananmen, east)).toBeCloseTo(expected, 0);
  });

  it('gives the known Beijing–Shanghai great-circle distance of about 1067 km, either way round', () => {
    const beijing = { latitude: 39.9042, longitude: 116.4074 };
    const shanghai = { latitude: 31.2304, longitude: 121.4737 };
    const d = distanceMetres(beijing, shanghai);
    expect(d).toBeGreaterThan(1_066_000);
    expect(d).toBeLessThan(1_069_000);
    expect(distanceMetres(shanghai, beijing)).toBe(d);
  });

  it('gives half the circumference for antipodal points', () => {
    const antipode = { latitude: -tiananmen.latitude, longitude: tiananmen.longitude - 180 };
    expect(distanceMetres(tiananmen, antipode)).toBeCloseTo(Math.PI * EARTH_RADIUS_M, 3);
    expect(distanceMetres({ latitude: 90, longitude: 0 }, { latitude: -90, longitude: 0 })).toBeCloseTo(
      Math.PI * EARTH_RADIUS_M,
      3,
    );
  });

  it('rejects coordinates off the globe', () => {
    expect(() => distanceMetres({ latitude: 91, longitude: 0 }, tiananmen)).toThrow(RangeError);
    expect(() => distanceMetres(tiananmen, { latitude: 0, longitude: -180.5 })).toThrow(RangeError);
    expect(() => distanceMetres(tiananmen, { latitude: Number.NaN, longitude: 0 })).toThrow(RangeError);
  });
});

describe('isValidGeoPoint', () => {
  it('accepts the edges and rejects beyond them or non-finite values', () => {
    expect(isValidGeoPoint({ latitude: -90, longitude: 180 })).toBe(true);
    expect(isValidGeoPoint({ latitude: 90.0001, longitude: 0 })).toBe(false);
    expect(isValidGeoPoint({ latitude: 0, longitude: Number.POSITIVE_INFINITY })).toBe(false);
  });
});

describe('withinRadius', () => {
  it('is inclusive at the edge', () => {
    const d = distanceMetres(tiananmen, oneKmNorth);
    expect(withinRadius(tiananmen, oneKmNorth, d)).toBe(true);
    expect(withinRadius(tiananmen, oneKmNorth, d - 0.01)).toBe(false);
    expect(withinRadius(tiananmen, oneKmNorth, 1500)).toBe(true);
    expect(withinRadius(tiananmen, oneKmNorth, 500)).toBe(false);
  });

  it('rejects a negative or non-finite radius', () => {
    expect(() => withinRadius(tiananmen, oneKmNorth, -1)).toThrow(RangeError);
    expect(() => withinRadius(tiananmen, oneKmNorth, Number.NaN)).toThrow(RangeError);
  });
});
