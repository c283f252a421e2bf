export * from './error'
export { fetchTransport, fetchTransportWith, type HttpMethod, type HttpRequest, type HttpResponse, type Transport } from './http'
export { bodyTooLarge, DEFAULT_DEADLINE_MS, DEFAULT_MAX_BODY_BYTES, followSameOriginRedirects, REDIRECT_STATUSES, redirectMessage } from './http'
export * from './policy'
