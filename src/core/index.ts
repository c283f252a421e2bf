export * from './error'
export { fetchTransport, fetchTransportWith, type HttpMethod, type HttpRequest, type HttpResponse, type Transport } from './http'
