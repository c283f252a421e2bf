/**
 * The v1 executor's configuration, checked once when the executor is made. A missing or malformed field (an unset
 * environment variable gives `undefined`) is a `ValidationError` naming the field from every call, so building an
 * executor never throws and nothing is sent with a configuration that cannot work. Secrets are never shown.
 */
import { configIssues, httpUrl, type Issues } from '../../core/validate'

/** The strings each shape of `auth` requires, told by the field that names the shape; `undefined`: no known shape. */
const requiredOf = (a: Record<string, unknown>): ReadonlyArray<string> | undefined =>
  'bearer' in a
    ? ['bearer']
    : 'fingerprintId' in a
      ? ['fingerprintId']
      : 'sessionId' in a
        ? a.csrfToken === undefined
          ? ['sessionId']
          : ['sessionId', 'csrfToken']
        : 'username' in a || 'password' in a
          ? ['username', 'password']
          : undefined

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object'

export const v1ConfigIssues = (config: unknown): Issues => {
  try {
    if (!isObject(config)) return [{ path: 'config', message: 'must be an object { url, auth }' }]
    const auth = config.auth
    const required = isObject(auth) ? requiredOf(auth) : undefined
    const otp = isObject(auth) ? auth.otp : undefined
    return [
      ...httpUrl('config.url', config.url),
      // `options`: a function made by `defaultOptions({ … })`
      ...configIssues(config, 'config', [], ['transport', 'onMeta', 'normalise', 'options']),
      ...(required === undefined
        ? [{ path: 'config.auth', message: 'must be { username, password }, { sessionId }, { bearer } or { fingerprintId }' }]
        : configIssues(auth as Record<string, unknown>, 'config.auth', required, [])),
      // a step made by `twoFactor` takes the login's first answer; a bare code callback (`() => code`) takes nothing
      ...(otp === undefined || (typeof otp === 'function' && otp.length > 0)
        ? []
        : [{ path: 'config.auth.otp', message: 'must be made by twoFactor(() => code) when given' }])
    ]
  } catch {
    return [{ path: 'config', message: 'could not be read' }]
  }
}
