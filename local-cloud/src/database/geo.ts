/**
 * Geo queries are refused, not emulated. CloudBase answers geoNear / geoWithin / geoIntersects
 * and the `$geoNear` stage only on a field with a geo index (地理位置索引), and the project's
 * manifest has no geo index kind, so every geo query gets the error CloudBase gives for a field
 * without one. GeoJSON values themselves are stored and returned unchanged.
 */
import { CloudError, DB_ERROR } from './errors';

function missingGeoIndex(operator: string, field?: string): CloudError {
  const where = field === undefined ? '' : ` on field ${field}`;
  return new CloudError(
    DB_ERROR.REQUEST_FAILED,
    `[FailedOperation] error processing query: planner returned error :: caused by :: unable to find index for ${operator} query${where}: a geo index (2dsphere) is required`,
  );
}

function refuseQuery(operator: string) {
  return (selector: string): never => {
    throw missingGeoIndex(operator, selector);
  };
}

/** `_.geoNear` sends `$nearSphere`; `_.geoWithin` `$geoWithin`; `_.geoIntersects` `$geoIntersects`. */
export const geoQueryOperators = {
  $near: refuseQuery('$near'),
  $nearSphere: refuseQuery('$nearSphere'),
  $geoWithin: refuseQuery('$geoWithin'),
  $geoIntersects: refuseQuery('$geoIntersects'),
};

export const geoPipelineOperators = {
  $geoNear: (): never => {
    throw new CloudError(
      DB_ERROR.REQUEST_FAILED,
      '[FailedOperation] $geoNear requires a 2d or 2dsphere index, but none were found',
    );
  },
};
