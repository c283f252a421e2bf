// A seeded pseudo-random source (mulberry32): the same seed gives the same data, session ids and tokens.

export interface Random {
  /** A float in [0, 1). */
  readonly next: () => number
  readonly int: (below: number) => number
  readonly pick: <A>(items: ReadonlyArray<A>) => A
  readonly token: (length: number) => string
  readonly uuid: () => string
}

const seedNumber = (seed: number | string): number => {
  if (typeof seed === 'number') return seed >>> 0
  let h = 2166136261
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619)
  return h >>> 0
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

export const random = (seed: number | string): Random => {
  let state = seedNumber(seed)
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (below: number): number => Math.floor(next() * below)
  const pick = <A>(items: ReadonlyArray<A>): A => items[int(items.length)] as A
  const token = (length: number): string => Array.from({ length }, () => ALPHANUMERIC[int(ALPHANUMERIC.length)]).join('')
  const hex = (n: number): string => Array.from({ length: n }, () => int(16).toString(16)).join('')
  const uuid = (): string => `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + int(4)).toString(16)}${hex(3)}-${hex(12)}`
  return { next, int, pick, token, uuid }
}
