// CPU time, for the bounds on work (a check that must stay linear, a parse that must end in seconds). Wall time does
// not measure work on a shared machine: at load ≈ 14 on 2 cores, checkDocument on a 5 MB tag took 3,077 ms of wall
// time for 508 ms of CPU time (2026-12-06). `process.cpuUsage()` counts every thread of this process (the JIT's and
// the GC's too) only while it runs, so other processes taking the cores do not stretch it; a slower machine still
// does, which is why the bounds keep a margin.

export interface Cost<A> {
  readonly value: A
  /** CPU time (user + system, every thread of this process), ms. */
  readonly cpuMs: number
  /** Wall time, ms: printed beside it, never bounded. */
  readonly wallMs: number
}

const cpuNow = (): number => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

/** The CPU time a synchronous job takes. */
export const cost = <A>(work: () => A): Cost<A> => {
  const wall0 = performance.now()
  const cpu0 = cpuNow()
  const value = work()
  return { value, cpuMs: cpuNow() - cpu0, wallMs: performance.now() - wall0 }
}

/** The CPU time an asynchronous job takes (whatever else this process does meanwhile counts too: keep it idle). */
export const costAsync = async <A>(work: () => Promise<A>): Promise<Cost<A>> => {
  const wall0 = performance.now()
  const cpu0 = cpuNow()
  const value = await work()
  return { value, cpuMs: cpuNow() - cpu0, wallMs: performance.now() - wall0 }
}

/**
 * The cheapest of up to `tries` runs of a job held to `boundMs` of CPU time: a run over the bound is run again, so
 * that a collection of an earlier test's garbage or the JIT compiling the code for the first time does not fail it;
 * work that really grew (a quadratic scan) is over the bound every time. A run over ten times the bound is no noise:
 * it is not run again.
 */
export const cheapest = <A>(boundMs: number, work: () => A, tries = 3): Cost<A> => {
  let best = cost(work)
  for (let i = 1; i < tries && best.cpuMs >= boundMs && best.cpuMs < 10 * boundMs; i++) {
    const next = cost(work)
    if (next.cpuMs < best.cpuMs) best = next
  }
  return best
}
