// Runs every uvu suite under test/ in one process and ends with the line `N passed, N failed`.
// Unlike uvu's own runner it counts a throwing hook, a non-Error throw, an unhandled rejection and an empty run as
// failures (uvu's runner swallows the first two and reports success).
// Usage: node --import tsx test/run.mjs [filter]   (filter: a substring of the test file paths)
import { readdirSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const root = resolve(import.meta.dirname)
const filter = process.argv[2] ?? ''

const findTests = (dir) =>
  readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name)
      if (name === 'node_modules' || name === 'fixtures') return []
      if (statSync(path).isDirectory()) return findTests(path)
      return /\.test\.ts$/.test(name) ? [path] : []
    })

let asyncFailures = 0
process.on('unhandledRejection', (reason) => {
  asyncFailures++
  console.error('\nunhandled rejection:', reason)
})
process.on('uncaughtException', (error) => {
  asyncFailures++
  console.error('\nuncaught exception:', error)
})

// Property tests (fast-check) draw a fresh seed each local run, so they keep finding new cases; under CI the seed is
// fixed so that a run is reproducible (FC_SEED overrides both ways).
const fc = await import('fast-check').catch(() => undefined)
if (fc !== undefined) {
  const seed = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : process.env.CI ? 20261122 : undefined
  if (seed !== undefined) fc.configureGlobal({ seed })
}

// A suite that never settles would let Node exit with no summary: bound each suite, and say so at exit. The bound is
// for a suite stuck for good, not a slow one: at load ≈ 12 on 2 cores hostileBodies took 135 s and more than 180 s
// (the bound it had), exportKill 122 s (2026-12-06).
const SUITE_LIMIT_MS = Number(process.env.SUITE_LIMIT_MS ?? 480_000)
let finished = false
let passed = 0
let failed = 0
process.on('exit', () => {
  if (finished) return
  process.stdout.write(`\nthe run ended before every suite settled (a test awaited something that never happened)\n`)
  process.stdout.write(`${passed} passed, ${failed + 1} failed\n`)
  process.exitCode = 1
})

globalThis.UVU_DEFER = 1
globalThis.UVU_QUEUE = []
const files = findTests(root).filter((f) => relative(root, f).includes(filter))
let loadFailures = 0
for (const [index, file] of files.entries()) {
  globalThis.UVU_INDEX = index
  globalThis.UVU_QUEUE.push([relative(root, file)])
  try {
    await import(pathToFileURL(file).href)
  } catch (error) {
    loadFailures++
    console.error(`\ncould not load ${relative(root, file)}:`, error)
  }
}

failed += loadFailures
const started = Date.now()
for (const group of globalThis.UVU_QUEUE) {
  const name = group.shift()
  process.stdout.write(`${name}\n`)
  const fileStarted = Date.now()
  for (const runSuite of group) {
    let result
    let timer
    try {
      result = await Promise.race([
        runSuite(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`did not finish within ${SUITE_LIMIT_MS / 1000} s`)), SUITE_LIMIT_MS)
        })
      ])
    } catch (error) {
      failed++
      console.error(`\n  ${name}: the suite itself threw:`, error)
      continue
    } finally {
      clearTimeout(timer)
    }
    const [errors, ran, , total] = result
    passed += ran
    failed += total - ran
    if (typeof errors === 'string') process.stdout.write(`\n${errors}\n`)
    else if (ran < total) {
      console.error(`\n  ${name}: ${total - ran} test(s) did not pass: a hook threw or something other than an Error was thrown\n`)
    }
  }
  // the slow files, to see where a run's time goes (and how near SUITE_LIMIT_MS a loaded machine brings them)
  const took = (Date.now() - fileStarted) / 1000
  if (took >= 10) process.stdout.write(`  [${name}: ${took.toFixed(1)} s]\n`)
}
failed += asyncFailures
if (passed + failed === 0) {
  console.error('\nno tests ran')
  failed = 1
}
process.stdout.write(`\n${((Date.now() - started) / 1000).toFixed(1)}s\n`)
finished = true
process.stdout.write(`${passed} passed, ${failed} failed\n`)
process.exitCode = failed > 0 ? 1 : 0
