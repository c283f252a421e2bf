/**
 * What `kayako export` tells the person (or program) watching: per resource a bar with count/total, rate and ETA on a
 * terminal (cli-progress), plain log lines otherwise, one JSON object per line with `--json`, nothing with `--quiet`.
 * No record body and no credential is ever printed: lines pass through the same scrubber as the files.
 */
import type { MultiBar, SingleBar } from 'cli-progress'
import { describe } from '../core/error'
import type { ExportEvent } from '../export/events'

export type ProgressMode = 'quiet' | 'json' | 'plain' | 'tty'

export interface Progress {
  readonly event: (event: ExportEvent) => void
  /** A line for the person (not printed with --quiet; a `note` event with --json). */
  readonly note: (text: string) => void
  /** Ends the display (the bars stop); call before the summary. */
  readonly stop: () => void
}

export interface ProgressOptions {
  readonly mode: ProgressMode
  readonly out: (line: string) => void
  readonly err: (line: string) => void
  /** Records per resource already written (a resumed run goes on counting from there). */
  readonly counts: Readonly<Record<string, number>>
  /** The terminal, for `tty`. */
  readonly stream?: NodeJS.WriteStream
  /** Makes every printed line safe (credentials scrubbed). */
  readonly clean: (line: string) => string
  readonly clock?: () => number
  /** Plain mode: the least time between two progress lines of one resource (default 5 s). */
  readonly everyMs?: number
}

interface Tally {
  count: number
  /** The count and time when this run started on the resource, for the rate. */
  readonly fromCount: number
  readonly since: number
  total: number | undefined
  lastLine: number
  bar?: SingleBar
}

const seconds = (ms: number): string => {
  const s = Math.round(ms / 1000)
  return s < 60 ? `${s} s` : s < 3600 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`
}

/** Records per second since this run started on the resource, and the time left when the total is known. */
const pace = (tally: Tally, now: number): { readonly rate: number; readonly eta: number | undefined } => {
  const elapsed = Math.max(now - tally.since, 1)
  const rate = ((tally.count - tally.fromCount) * 1000) / elapsed
  const eta = tally.total === undefined || rate <= 0 ? undefined : (Math.max(tally.total - tally.count, 0) / rate) * 1000
  return { rate, eta }
}

const counted = (tally: Tally): string => (tally.total === undefined ? String(tally.count) : `${tally.count}/${tally.total}`)

/** The reporter for a mode. The `tty` mode loads cli-progress (a dependency of the command only). */
export const progressFor = async (options: ProgressOptions): Promise<Progress> => {
  const clock = options.clock ?? Date.now
  const everyMs = options.everyMs ?? 5000
  const tallies = new Map<string, Tally>()
  const { clean, mode } = options
  const json = (value: object): void => options.out(clean(JSON.stringify(value)))
  const log = (line: string): void => options.err(clean(line))

  let multi: MultiBar | undefined
  if (mode === 'tty') {
    const { MultiBar: Bars } = await import('cli-progress')
    multi = new Bars({
      stream: options.stream,
      clearOnComplete: false,
      hideCursor: true,
      autopadding: true,
      format: (_options, params, payload: { resource?: string; line?: string }) =>
        `${(payload.resource ?? '').padEnd(28)} ${payload.line ?? String(params.value)}`
    })
  }
  const barLine = (tally: Tally, now: number, ended: boolean): string => {
    const { rate, eta } = pace(tally, now)
    const width = 24
    const filled = tally.total === undefined || tally.total === 0 ? (ended ? width : 0) : Math.min(width, Math.round((tally.count / tally.total) * width))
    const bar = tally.total === undefined && !ended ? '' : `${'█'.repeat(filled)}${'░'.repeat(width - filled)} `
    return `${bar}${counted(tally)}  ${rate.toFixed(1)}/s${ended ? '  done' : eta === undefined ? '' : `  ETA ${seconds(eta)}`}`
  }

  const tallyOf = (resource: string, total?: number): Tally => {
    let tally = tallies.get(resource)
    if (tally === undefined) {
      const count = options.counts[resource] ?? 0
      tally = { count, fromCount: count, since: clock(), total, lastLine: clock() }
      tallies.set(resource, tally)
      if (multi !== undefined) tally.bar = multi.create(1, 0, { resource, line: barLine(tally, clock(), false) })
    }
    if (total !== undefined) tally.total = total
    return tally
  }

  const show = (resource: string, tally: Tally, ended: boolean): void => {
    const now = clock()
    if (mode === 'tty' && ended && tally.bar !== undefined) {
      // A finished resource leaves the bars (only the ones in progress stay) for a line above them.
      multi?.remove(tally.bar)
      multi?.log(`${clean(`${resource.padEnd(28)} ${barLine(tally, now, true)}`)}\n`)
      tally.bar = undefined
    } else if (mode === 'tty') tally.bar?.update(0, { resource, line: barLine(tally, now, ended) })
    else if (mode === 'plain' && (ended || now - tally.lastLine >= everyMs)) {
      tally.lastLine = now
      const { rate, eta } = pace(tally, now)
      log(
        ended
          ? `${resource}: ${tally.count} records, done in ${seconds(now - tally.since)} (${rate.toFixed(1)}/s)`
          : `${resource}: ${counted(tally)} (${rate.toFixed(1)}/s${eta === undefined ? '' : `, ETA ${seconds(eta)}`})`
      )
    }
  }

  /** Above the bars on a terminal, on stderr otherwise. */
  const say = (line: string): void => {
    if (multi !== undefined) multi.log(`${clean(line)}\n`)
    else log(line)
  }

  return {
    event: (event) => {
      switch (event.type) {
        case 'resource-start': {
          const tally = tallyOf(event.resource, event.total)
          if (mode === 'json') json({ type: event.type, resource: event.resource, ...(event.total === undefined ? {} : { total: event.total }) })
          else if (mode === 'plain') log(`${event.resource}: started${event.total === undefined ? '' : ` (${event.total} on the server)`}`)
          else show(event.resource, tally, false)
          return
        }
        case 'record': {
          const tally = tallyOf(event.resource)
          tally.count++
          show(event.resource, tally, false)
          return
        }
        case 'file':
          if (mode === 'json')
            json({ type: event.type, resource: event.resource, id: event.id, name: event.name, bytes: event.bytes.length, owner: event.owner })
          return
        case 'page':
          if (mode === 'json') json({ type: event.type, resource: event.resource, count: tallyOf(event.resource).count })
          return
        case 'retry':
          if (mode === 'json') json({ type: event.type, resource: event.resource, waitMs: event.waitMs, reason: event.reason })
          else if (mode !== 'quiet') say(`${event.resource}: waiting ${seconds(event.waitMs)} before trying again (${event.reason})`)
          return
        case 'resource-end': {
          const tally = tallyOf(event.resource)
          if (mode === 'json') json({ type: event.type, resource: event.resource, count: tally.count })
          else show(event.resource, tally, true)
          return
        }
        case 'error': {
          const message = describe(event.error)
          if (mode === 'json')
            json({ type: event.type, resource: event.resource, ...(event.id === undefined ? {} : { id: event.id }), error: { tag: event.error._tag, message } })
          else if (mode !== 'quiet') say(`${event.resource}${event.id === undefined ? '' : ` ${event.id}`}: skipped (${message}); see errors.ndjson`)
        }
      }
    },
    note: (text) => {
      if (mode === 'json') json({ type: 'note', text })
      else if (mode !== 'quiet') say(text)
    },
    stop: () => {
      // The lines logged since the last redraw are printed at the next one: draw once more before stopping.
      multi?.update()
      multi?.stop()
    }
  }
}
