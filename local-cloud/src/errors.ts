/**
 * Errors in CloudBase's wire format: every failed /admin call answers `{ code, message, requestId }`
 * (HTTP 200), which the SDKs turn into a thrown TcbError carrying `code`.
 */
export const CLOUD_ERROR_CODES = {
  INVALID_PARAM: 'INVALID_PARAM',
  INVALID_ACTION: 'INVALID_ACTION',
  SYS_ERR: 'SYS_ERR',
  STORAGE_FILE_NONEXIST: 'STORAGE_FILE_NONEXIST',
  FUNCTION_NOT_FOUND: 'FUNCTION_NOT_FOUND',
  FUNCTIONS_EXECUTE_FAIL: 'FUNCTIONS_EXECUTE_FAIL',
  FUNCTIONS_TIME_LIMIT_EXCEEDED: 'FUNCTIONS_TIME_LIMIT_EXCEEDED',
  TIMER_NOT_FOUND: 'TIMER_NOT_FOUND',
  NOT_FOUND: 'NOT_FOUND',
} as const;

export type CloudErrorCode = (typeof CLOUD_ERROR_CODES)[keyof typeof CLOUD_ERROR_CODES];

export class CloudApiError extends Error {
  constructor(
    readonly code: CloudErrorCode,
    message: string,
    /** HTTP status for routes outside /admin (which always answers 200). */
    readonly status = 400,
  ) {
    super(message);
    this.name = 'CloudApiError';
  }
}

export interface CloudErrorBody {
  code: string;
  message: string;
  requestId: string;
}
