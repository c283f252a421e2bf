/**
 * The v1 executor's configuration, checked once when the executor is made. A missing or malformed field (an unset
 * environment variable gives `undefined`) is a `ValidationError` naming the field from every call, so building an
 * executor never throws and nothing is sent with a configuration that cannot work. Secrets are never shown.
 */
import { callback, configIssues, fieldIssues, secret, type FieldCheck, type Issues } from '../../core/validate'

/**
 * The shapes of `auth`, each told by any of its fields (the first that matches wins). A step made by `twoFactor` takes
 * the login's first answer; a bare code callback (`() => code`) takes nothing.
 */
const SHAPES: ReadonlyArray<Readonly<Record<string, FieldCheck>>> = [
  { bearer: secret },
  { fingerprintId: secret },
  { sessionId: secret, csrfToken: (path, token) => (token === undefined ? [] : secret(path, token)) },
  {
    username: secret,
    password: secret,
    otp: (path, otp) => (otp === undefined || (typeof otp === 'function' && otp.length > 0) ? [] : [{ path, message: 'must be made by twoFactor(() => code)' }])
  }
]

const authIssues: FieldCheck = (path, auth) => {
  const shape = auth !== null && typeof auth === 'object' ? SHAPES.find((fields) => Object.keys(fields).some((name) => name in auth)) : undefined
  return shape
    ? fieldIssues(auth as Record<string, unknown>, path, shape)
    : [{ path, message: 'must be { username, password }, { sessionId }, { bearer } or { fingerprintId }' }]
}

// `options`: a function made by `defaultOptions({ … })`
export const v1ConfigIssues = (config: unknown): Issues =>
  configIssues(config, '{ url, auth }', { auth: authIssues, onMeta: callback, normalise: callback, options: callback })
