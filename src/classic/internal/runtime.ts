/** How the Classic executor signs when it is given no `signer`, on runtimes other than Node: WebCrypto (see core/runtime.ts). */
export { webCryptoSigner as defaultSigner } from './signer'
