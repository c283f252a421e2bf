export * from './error'
export {
  fetchTransport,
  fetchTransportWith,
  type BodyReader,
  type FetchLike,
  type FetchResponse,
  type HttpMethod,
  type HttpRequest,
  type HttpResponse,
  type Transport
} from './http'
export { bodyTooLarge, DEFAULT_DEADLINE_MS, DEFAULT_MAX_BODY_BYTES, followSameOriginRedirects, REDIRECT_STATUSES, redirectMessage } from './http'
export * from './policy'
// Types that public signatures mention: a request's decoder and result, a builder's argument issues.
export type { Decoded, DecodeErrors, Decoder } from './decoder'
export type { Issues } from './validate'
