/** `runtime.ts` in the Node builds: node:crypto signs synchronously, without WebCrypto's thread-pool round trip. */
export { nodeSigner as defaultSigner } from '../../node/index'
