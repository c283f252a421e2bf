/**
 * The v1 executor's configuration, checked once when the executor is made. A missing or malformed field (an unset
 * environment variable gives `undefined`) is a `ValidationError` naming the field from every call, so building an
 * executor never throws and nothing is sent with a configuration that cannot work. Secrets are never shown.
 */
import { configIssues, httpUrl, type Issues } from '../../core/validate'

const SHAPES = 'must be { username, password, otp? }, { sessionId, csrfToken? }, { bearer } or { fingerprintId }'

const authIssues = (a: Record<string, unknown>): Issues =>
  'bearer' in a || 'fingerprintId' in a
    ? configIssues(a, 'config.auth', ['bearer' in a ? 'bearer' : 'fingerprintId'], [])
    : 'sessionId' in a
      ? configIssues(a, 'config.auth', a.csrfToken === undefined ? ['sessionId'] : ['sessionId', 'csrfToken'], [])
      : 'username' in a || 'password' in a
        ? configIssues(a, 'config.auth', ['username', 'password'], ['otp'])
        : [{ path: 'config.auth', message: SHAPES }]

export const v1ConfigIssues = (config: unknown): Issues => {
  try {
    if (config === null || typeof config !== 'object') return [{ path: 'config', message: 'must be an object { url, auth }' }]
    const c = config as Record<string, unknown>
    return [
      ...httpUrl('config.url', c.url),
      ...configIssues(c, 'config', [], ['transport', 'onMeta', 'normalise']),
      ...(c.auth !== null && typeof c.auth === 'object'
        ? authIssues(c.auth as Record<string, unknown>)
        : [{ path: 'config.auth', message: `is required: it ${SHAPES}` }]),
      ...(c.options === undefined || typeof c.options === 'function'
        ? []
        : [{ path: 'config.options', message: 'must be made by defaultOptions({ … }) when given' }])
    ]
  } catch {
    return [{ path: 'config', message: 'could not be read' }]
  }
}
