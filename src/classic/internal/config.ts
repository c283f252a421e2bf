/**
 * The Classic executor's configuration, checked once when the executor is made. A missing or malformed field (an
 * unset environment variable gives `undefined`) is a `ValidationError` naming the field from every call, so building
 * an executor never throws and nothing is sent with a configuration that cannot work. Secrets are never shown.
 */
import { configIssues, httpUrl, type Issues } from '../../core/validate'

export const classicConfigIssues = (config: unknown): Issues => {
  try {
    return config !== null && typeof config === 'object'
      ? [
          ...httpUrl('config.url', (config as Record<string, unknown>).url),
          ...configIssues(config as Record<string, unknown>, 'config', ['apiKey', 'secretKey'], ['transport', 'salt', 'signer', 'xmlParser', 'onNotice'])
        ]
      : [{ path: 'config', message: 'must be an object { url, apiKey, secretKey }' }]
  } catch {
    return [{ path: 'config', message: 'could not be read' }]
  }
}
