/**
 * The v1 executor's configuration, checked once when the executor is made. A missing or malformed field (an unset
 * environment variable gives `undefined`) is a `ValidationError` naming the field from every call, so building an
 * executor never throws and nothing is sent with a configuration that cannot work. Secrets are never shown.
 */
import * as V from '../core/validate'

const AUTH_SHAPES = 'must be { username, password, otp? }, { sessionId, csrfToken? } or { bearer }'

const authIssues = (auth: unknown): V.Issues => {
  if (auth === null || typeof auth !== 'object') return [{ path: 'config.auth', message: `is required: it ${AUTH_SHAPES}` }]
  const a = auth as Record<string, unknown>
  if ('bearer' in a) return V.secret('config.auth.bearer', a.bearer)
  if ('sessionId' in a) {
    return V.issues(V.secret('config.auth.sessionId', a.sessionId), V.optional(a.csrfToken, (token) => V.secret('config.auth.csrfToken', token)))
  }
  if ('username' in a || 'password' in a) {
    return V.issues(V.nonBlank('config.auth.username', a.username), V.secret('config.auth.password', a.password), V.optionalFunction('config.auth.otp', a.otp))
  }
  return [{ path: 'config.auth', message: AUTH_SHAPES }]
}

export const v1ConfigIssues = (config: unknown): V.Issues => {
  try {
    if (config === null || typeof config !== 'object') return [{ path: 'config', message: 'must be an object { url, auth }' }]
    const c = config as Record<string, unknown>
    return V.issues(
      V.httpUrl('config.url', c.url, 'https://brewfictus.kayako.com'),
      authIssues(c.auth),
      V.optionalFunction('config.transport', c.transport),
      V.optionalFunction('config.onMeta', c.onMeta),
      V.optional(c.options, (options) => V.record('config.options', options)),
      V.optionalLimit('config.maxBodyBytes', c.maxBodyBytes),
      V.optionalLimit('config.deadlineMs', c.deadlineMs)
    )
  } catch {
    return [{ path: 'config', message: 'could not be read' }]
  }
}
