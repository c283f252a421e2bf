// Real server bodies live in ../shared/fixtures (never copied into the project).
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const FIXTURES = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures')

export const fixture = (path: string): string => {
  if (!existsSync(FIXTURES)) {
    throw new Error(`the shared fixtures folder is missing: expected it at ${FIXTURES} (a checkout of shared/ beside the project)`)
  }
  return readFileSync(join(FIXTURES, path), 'utf8')
}
