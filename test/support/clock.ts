// A fake clock for the transport policies: time moves only when a test says so, so nothing waits for real.
import type { Clock } from '../../src/core/policy'

interface Timer {
  readonly id: number
  readonly at: number
  readonly callback: () => void
}

/** Lets pending promise callbacks (and the I/O-free work they start) run. */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

export const fakeClock = (start = 1_700_000_000_000) => {
  let now = start
  let nextId = 1
  let timers: Array<Timer> = []
  /** Every `setTimeout` delay asked for, in order (retry waits, time-outs). */
  const delays: Array<number> = []

  const clock: Clock = {
    now: () => now,
    setTimeout: (callback, ms) => {
      const timer = { id: nextId++, at: now + Math.max(0, ms), callback }
      delays.push(ms)
      timers.push(timer)
      return timer.id
    },
    clearTimeout: (handle) => {
      timers = timers.filter((t) => t.id !== handle)
    }
  }

  /** Moves time forward by `ms`, firing the timers due on the way in order, letting promises run between them. */
  const advance = async (ms: number): Promise<void> => {
    const target = now + ms
    await settle()
    for (;;) {
      const due = timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0]
      if (due === undefined) break
      timers = timers.filter((t) => t !== due)
      now = due.at
      due.callback()
      await settle()
    }
    now = target
    await settle()
  }

  /**
   * Runs a task to its end, jumping from timer to timer (a retry's waits pass instantly). `busy` says when real
   * asynchronous work is under way (a handler verifying a signature through WebCrypto): time stands still until it
   * is done, so that a time-out cannot fire merely because the fake clock ran ahead of real work.
   */
  const run = async <A>(task: () => Promise<A>, busy: () => boolean = () => false): Promise<A> => {
    let done = false
    const result = task().finally(() => {
      done = true
    })
    await settle()
    let idle = 0
    while (!done) {
      const next = [...timers].sort((a, b) => a.at - b.at || a.id - b.id)[0]
      if (next === undefined || busy()) {
        // Real asynchronous work (WebCrypto signing) finishes on its own: give it real time, but not forever.
        await new Promise((resolve) => setTimeout(resolve, 1))
        if (++idle > 2000) throw new Error('the task is waiting for something other than the clock')
        continue
      }
      idle = 0
      await advance(next.at - now)
    }
    return result
  }

  return { clock, advance, run, delays, pending: () => timers.length, now: () => now }
}
