// The error codes of spec §2.3 with their HTTP statuses and documented messages. Where the spec has no status
// (UNCONFIRMED), the choice is written beside it.

export interface ApiErr {
  readonly code: ErrorCode
  readonly parameter?: string
  readonly parameters?: ReadonlyArray<string>
  readonly pointer?: string
  /** Overrides the documented message (used where the spec has none). */
  readonly message?: string
}

export const ERROR_CODES = {
  FIELD_REQUIRED: { status: 400, message: 'This action requires the field to be specified' },
  FIELD_INVALID: { status: 400, message: 'The value of the field is invalid' },
  FIELD_DUPLICATE: { status: 400, message: 'The value of the field is already used for another resource' },
  // FIELD_EMPTY / FIELD_REDUNDANT: no status documented; 400 like the other field errors.
  FIELD_EMPTY: { status: 400, message: 'The value of the field cannot be empty' },
  FIELD_REDUNDANT: { status: 400, message: 'The field is not expected in this context' },
  ANY_FIELD_REQUIRED: { status: 400, message: 'This action requires any of the related fields to be specified' },
  ONE_FIELD_EXPECTED: { status: 400, message: 'This action expects only one of the related fields to be specified' },
  // RESOURCE_NOT_FOUND: 404 is the spec's assumption; no doc text was retrieved, so the message is ours.
  RESOURCE_NOT_FOUND: { status: 404, message: 'The requested resource does not exist' },
  RESOURCE_ACTION_NOT_AVAILABLE: {
    status: 400,
    message: 'Not supported method, misspelled action name or action is not available for the resource'
  },
  METHOD_NOT_SUPPORTED: { status: 405, message: 'HTTP method is not supported or is not allowed for the resource' },
  APP_NOT_FOUND: { status: 400, message: 'Invalid app component in URL or app is not installed' },
  RESOURCE_MODIFIED: { status: 412, message: 'The action cannot be performed as the resource has been modified' },
  AUTHENTICATION_FAILED: {
    status: 401,
    message: 'Used authentication credentials are invalid or signature verification failed'
  },
  AUTHENTICATION_LOCKED: { status: 429, message: 'The maximum number of authentication retries was reached' },
  // AUTHORIZATION_REQUIRED 401 and PERMISSIONS_DENIED 403 are the spec's assumptions (FCP treats them so).
  AUTHORIZATION_REQUIRED: { status: 401, message: 'This action requires authentication' },
  PERMISSIONS_DENIED: { status: 403, message: 'You do not have the permissions to perform this action' },
  OTP_EXPECTED: { status: 403, message: 'To complete authentication you need to provide the one-time password' },
  CREDENTIAL_EXPIRED: { status: 403, message: 'The credential (e.g. password) is valid but has expired' },
  // CSRF_FAILED: status UNCONFIRMED; 403 (a refused, authenticated request), which FCP answers by logging out.
  CSRF_FAILED: { status: 403, message: 'The CSRF token is missing or does not match the session' },
  PARAMETERS_INCONSISTENT: {
    status: 400,
    message: 'One or more parameters appear in different locations and do not match, possible CSRF attempt'
  },
  SESSION_LOADING_FAILED: { status: 454, message: 'The server failed to load the session' },
  RATE_LIMIT_REACHED: { status: 429, message: 'The rate limit for this action was reached' },
  // ACTION_FAILED: status UNCONFIRMED; the sandbox uses it (500) for a bug of its own instead of crashing.
  ACTION_FAILED: { status: 500, message: 'The action failed' }
} as const

export type ErrorCode = keyof typeof ERROR_CODES

export const MORE_INFO = 'https://developer.kayako.com/api/v1/reference/errors/'

export const err = (code: ErrorCode, parameter?: string): ApiErr => (parameter === undefined ? { code } : { code, parameter })

/** The HTTP status for a list of errors: the first error's. */
export const statusOf = (errors: ReadonlyArray<ApiErr>): number => ERROR_CODES[errors[0]?.code ?? 'ACTION_FAILED'].status
