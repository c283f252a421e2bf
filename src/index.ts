// The package root: the shared core, both executors, and each API as a namespace. For the smallest bundles import
// the resource modules by subpath (`kayako-fp/classic/Ticket`, `kayako-fp/v1/Case`).
export * from './core/index'
export { classic, type ClassicConfig, type ClassicExecutor, Department } from './classic/index'
export * as Classic from './classic/index'
export { v1, type V1Config, type V1Executor } from './v1/index'
export * as V1 from './v1/index'
