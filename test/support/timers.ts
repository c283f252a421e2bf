// A plain timer to hold a deadline against. On a loaded machine every timer fires late (at load ≈ 12 on 2 cores a
// 200 ms timer can fire hundreds of ms late), the library's as much as any other; so "the deadline ended the call on
// time" is checked as "no later than a plain timer of the same length, armed at the same moment, plus a margin for
// the work after it fired". A deadline that is not armed, armed too long, or pushed back by another request's
// still fails, since the reference timer does not move with it.

/** Resolves with the wall time, ms, at which a plain `setTimeout(ms)` armed now fired. */
export const referenceTimer = (ms: number): Promise<number> => {
  const started = performance.now()
  return new Promise((resolve) => setTimeout(() => resolve(performance.now() - started), ms))
}

/** How much later than the reference timer the call ended, for the margin: the work after a deadline fired. */
export const LATE_MARGIN_MS = 1_500

/**
 * Waits until `condition` holds, looking every `everyMs`, for at most `limitMs` of wall time (a start-up that prints
 * when it is ready): the limit only stops a wait for something that never comes, so it is generous, since a loaded
 * machine stretches a start-up several times. The caller's assertions after it say what was missing.
 */
export const until = async (condition: () => boolean, limitMs = 60_000, everyMs = 10): Promise<void> => {
  const started = performance.now()
  while (!condition() && performance.now() - started < limitMs) await new Promise((resolve) => setTimeout(resolve, everyMs))
}
