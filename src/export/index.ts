// `kayako-fp/export`: every record of a helpdesk as an ordered stream of events (work in progress: the walks land
// behind this signature).
import type { ClassicExecutor } from '../classic/internal/executor'
import type { V1Executor } from '../v1/internal/executor'
import type { ExportEvent, ExportOptions } from './events'

export * from './events'

/** Every record of a Classic helpdesk, in dependency order, as events. */
export const exportClassic = (_run: ClassicExecutor, _options: ExportOptions = {}): AsyncIterable<ExportEvent> => {
  return { [Symbol.asyncIterator]: () => ({ next: () => Promise.resolve({ done: true, value: undefined }) }) }
}

/** Every record of a v1 helpdesk, in the order a migrator needs, as events. */
export const exportV1 = (_run: V1Executor, _options: ExportOptions = {}): AsyncIterable<ExportEvent> => {
  return { [Symbol.asyncIterator]: () => ({ next: () => Promise.resolve({ done: true, value: undefined }) }) }
}
