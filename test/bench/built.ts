// The benchmarks measure the built package as Node users load it (`kayako-fp/…` → dist/cjs, resolved by the
// package's own name), typed from the source. `npm run bench` builds first.
import { createRequire } from 'node:module'

const load = createRequire(import.meta.url)

export const Classic = load('kayako-fp/classic') as typeof import('../../src/classic/index')
export const Department = load('kayako-fp/classic/Department') as typeof import('../../src/classic/Department')
export const Ticket = load('kayako-fp/classic/Ticket') as typeof import('../../src/classic/Ticket')
export const Core = load('kayako-fp/core') as typeof import('../../src/core/index')
export const NodeOnly = load('kayako-fp/node') as typeof import('../../src/node/index')
export const V1 = load('kayako-fp/v1') as typeof import('../../src/v1/index')
export const V1Case = load('kayako-fp/v1/Case') as typeof import('../../src/v1/Case')
