/**
 * The Classic executor's configuration, checked once when the executor is made. A missing or malformed field (an
 * unset environment variable gives `undefined`) is a `ValidationError` naming the field from every call, so building
 * an executor never throws and nothing is sent with a configuration that cannot work. Secrets are never shown.
 */
import * as V from '../core/validate'

export const classicConfigIssues = (config: unknown): V.Issues => {
  try {
    if (config === null || typeof config !== 'object') return [{ path: 'config', message: 'must be an object { url, apiKey, secretKey }' }]
    const c = config as Record<string, unknown>
    return V.issues(
      V.httpUrl('config.url', c.url, 'https://help.example.com/api/index.php'),
      V.secret('config.apiKey', c.apiKey),
      V.secret('config.secretKey', c.secretKey),
      ...['transport', 'salt', 'signer', 'xmlParser', 'onNotice'].map((name) => V.optionalFunction(`config.${name}`, c[name])),
      V.optionalLimit('config.maxBodyBytes', c.maxBodyBytes),
      V.optionalLimit('config.deadlineMs', c.deadlineMs)
    )
  } catch {
    return [{ path: 'config', message: 'could not be read' }]
  }
}
