#!/usr/bin/env node
// The `kayako` command (package.json `bin`): the one entry of every subcommand (see main.ts).
import { main } from './main'

const stop = new AbortController()
process.once('SIGINT', () => stop.abort())
process.once('SIGTERM', () => stop.abort())

main(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line), signal: stop.signal }).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(error)
    process.exitCode = 1
  }
)
