/**
 * The Classic executor's configuration, checked once when the executor is made. A missing or malformed field (an
 * unset environment variable gives `undefined`) is a `ValidationError` naming the field from every call, so building
 * an executor never throws and nothing is sent with a configuration that cannot work. Secrets are never shown.
 */
import { callback, configIssues, secret, type Issues } from '../../core/validate'

export const classicConfigIssues = (config: unknown): Issues =>
  configIssues(config, '{ url, apiKey, secretKey }', {
    apiKey: secret,
    secretKey: secret,
    salt: callback,
    signer: callback,
    xmlParser: callback,
    onNotice: callback
  })
