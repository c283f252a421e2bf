export * from './error'
export { fetchTransport, fetchTransportWith, type HttpMethod, type HttpRequest, type HttpResponse, type Transport } from './http'
export { bodyTooLarge, DEFAULT_DEADLINE_MS, DEFAULT_MAX_BODY_BYTES, REDIRECT_STATUSES, withRedirectPolicy, type RedirectOptions } from './http'
export * from './policy'
