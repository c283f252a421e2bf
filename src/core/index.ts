export * from './error'
export { fetchTransport, fetchTransportWith, type HttpMethod, type HttpRequest, type HttpResponse, type Transport } from './http'
export { bodyTooLarge, DEFAULT_MAX_BODY_BYTES } from './http'
export * from './policy'
