/**
 * CloudBase's database error codes, as the SDKs see them in `{ code, message }` replies.
 * Codes confirmed in CloudBase's error-code pages (https://docs.cloudbase.net/en/error-code/...)
 * or in the SDK source (node_modules/@cloudbase/database/src/const/code.ts); the two marked
 * "unverified" have no public reference and keep CloudBase's naming pattern.
 */
export const DB_ERROR = {
  /** https://docs.cloudbase.net/en/error-code/basic/DATABASE_COLLECTION_NOT_EXIST */
  COLLECTION_NOT_EXIST: 'DATABASE_COLLECTION_NOT_EXIST',
  /** Unverified: createCollection on an existing name fails (WeChat's Database.createCollection docs). */
  COLLECTION_ALREADY_EXIST: 'DATABASE_COLLECTION_ALREADY_EXIST',
  /** https://docs.cloudbase.net/en/error-code/DATABASE_DUPLICATE_WRITE (duplicate _id or unique index key) */
  DUPLICATE_WRITE: 'DATABASE_DUPLICATE_WRITE',
  /** The one code runTransaction retries on (@cloudbase/database/src/transaction/index.ts). */
  TRANSACTION_CONFLICT: 'DATABASE_TRANSACTION_CONFLICT',
  /** Unverified: the transaction id is unknown, committed, aborted or expired. */
  TRANSACTION_FAIL: 'DATABASE_TRANSACTION_FAIL',
  INVALID_PARAM: 'INVALID_PARAM',
  REQUEST_FAILED: 'DATABASE_REQUEST_FAILED',
} as const;

export type DbErrorCode = (typeof DB_ERROR)[keyof typeof DB_ERROR];

/** An error the HTTP app sends back as `{ code, message, requestId }`; the SDK throws it as TcbError. */
export class CloudError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CloudError';
  }
}

export function collectionNotExist(name: string): CloudError {
  return new CloudError(
    DB_ERROR.COLLECTION_NOT_EXIST,
    `[ResourceNotFound] Db or Table not exist: ${name}. Please check your request, but if the problem cannot be solved, contact us.`,
  );
}

export function invalidParam(message: string): CloudError {
  return new CloudError(DB_ERROR.INVALID_PARAM, message);
}

export function transactionConflict(message: string): CloudError {
  return new CloudError(DB_ERROR.TRANSACTION_CONFLICT, message);
}

/** An aggregation expression refused for its arguments, as MongoDB names the operator first. */
export function expressionError(operator: string, message: string): CloudError {
  return new CloudError(DB_ERROR.REQUEST_FAILED, `[FailedOperation] ${operator}: ${message}`);
}
