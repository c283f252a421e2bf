/**
 * What an executor sends with when it is given no `transport`, on runtimes other than Node: the global `fetch`.
 * The Node builds (dist/cjs, which Node loads, and dist/node, which bundlers take under the `node` condition) carry
 * `runtime.node.ts` in its place, so an edge bundle never holds node code and a Node one gets the fast path.
 */
export { fetchTransport as defaultTransport } from './http'
/** How the pipeline keeps the executors' `deadlineMs`: the generic deadline (the Node builds also know `nodeTransport`'s own). */
export { deadline as executorDeadline } from './deadline'
