export * from './core/index'
export { classic, type ClassicConfig, type ClassicExecutor, Department } from './classic/index'
