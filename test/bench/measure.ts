// Timing helpers for the benchmarks: medians of interleaved rounds, so that the ratios compare figures taken side by
// side under the same machine load.
import { performance } from 'node:perf_hooks'

export const median = (xs: ReadonlyArray<number>): number => {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/** Milliseconds one call takes. */
export const timed = async (run: () => unknown): Promise<number> => {
  const started = performance.now()
  await run()
  return performance.now() - started
}

/**
 * Runs every contender once per round, `rounds` times (after one warm-up round), in a rotating order, and returns the
 * median milliseconds of each.
 */
export const interleaved = async <K extends string>(
  rounds: number,
  contenders: Readonly<Record<K, () => unknown>>,
  onRound?: (round: number) => void
): Promise<Record<K, number>> => {
  const names = Object.keys(contenders) as Array<K>
  const samples = Object.fromEntries(names.map((n) => [n, [] as Array<number>])) as Record<K, Array<number>>
  for (let round = -1; round < rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + Math.max(round, 0)) % names.length] as K
      globalThis.gc?.()
      const ms = await timed(contenders[name])
      if (round >= 0) samples[name].push(ms)
    }
    if (round >= 0) onRound?.(round)
  }
  return Object.fromEntries(names.map((n) => [n, median(samples[n])])) as Record<K, number>
}

export const fixed = (x: number, digits = 2): string => x.toFixed(digits)
export const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`

/** A Markdown table. */
export const table = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string | number>>): string =>
  [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n')
