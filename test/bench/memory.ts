// Memory while walking users through the paging helper (`pages` with `User.everyPage`): run as a child process per case (run.ts bundles
// it first, so that no TypeScript loader counts), `memory.mjs <users> <pageSize>` prints one JSON line with the users
// seen and the peak RSS. The transport generates each page on request, so only the client holds memory. The
// source is bundled in (esbuild, as a user's bundler would), so the child needs nothing else.
import { readFileSync } from 'node:fs'
import * as Classic from '../../src/classic/index'
import { userPageXml } from './generate'

const total = Number(process.argv[2] ?? 100_000)
const pageSize = Number(process.argv[3] ?? 1000)

const generatedUsers: import('../../src/core/http').Transport = (request) => async () => {
  const route = decodeURIComponent(/[?&]e=([^&]*)/.exec(request.url)?.[1] ?? '')
  const [, marker, maxItems] = /\/Base\/User\/Filter\/(\d+)\/(\d+)/.exec(route) ?? []
  const from = Number(marker)
  const to = Math.min(total, from + Number(maxItems) - 1)
  return { _tag: 'Right', right: { status: 200, headers: {}, body: userPageXml(from, to) } }
}

// This process's own peak: Linux keeps `maxRSS` across exec, so a child of a large process (a test runner) would report
// its parent's peak; VmHWM belongs to the process's own memory. Elsewhere maxRSS (kilobytes).
const peakRssMb = (): number => {
  try {
    const hwm = /VmHWM:\s*(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]
    if (hwm !== undefined) return Number(hwm) / 1024
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024
}

const main = async (): Promise<void> => {
  const run = Classic.classic({ url: 'https://help.example.com/api/index.php', apiKey: 'k', secretKey: 's', transport: generatedUsers })
  let users = 0
  let pages = 0
  let checksum = 0
  const started = performance.now()
  for await (const page of Classic.pages(run)(Classic.User.everyPage({ pageSize }))) {
    if (page._tag === 'Left') throw new Error(JSON.stringify(page.left))
    pages++
    users += page.right.length
    for (const user of page.right) checksum += user.id
  }
  const seconds = (performance.now() - started) / 1000
  if (checksum !== (total * (total + 1)) / 2) throw new Error(`expected users 1..${total}, checksum ${checksum}`)
  console.log(JSON.stringify({ users, pageSize, pages, seconds, peakRssMb: peakRssMb(), heapUsedMb: process.memoryUsage().heapUsed / 1048576 }))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
