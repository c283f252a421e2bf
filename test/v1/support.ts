// Helpers for the v1 suites: documents re-cased the way a server with `_case=camel|pascal` writes them, nested
// documents built from flat ones, and `no_empty` applied to a document.
import { readEnvelope, type Envelope } from '../../src/v1/internal/envelope'
import { normaliseDocument } from '../../src/v1/internal/flat'
import { inCase, type LetterCase } from '../../src/v1/internal/letterCase'
import { fixture } from '../support/fixtures'

export const v1Fixture = (name: string): unknown => JSON.parse(fixture(`v1/${name}`))

export const envelopeOf = (document: unknown): Envelope => {
  const envelope = readEnvelope(normaliseDocument(document))
  if (envelope === undefined) throw new Error('not an envelope')
  return envelope
}

const FREE_FORM = new Set(['metadata', 'field_values'])

/** Every key (and resource_type value) in the given case; free-form maps keep their keys, as the server does. */
export const recase = (value: unknown, letterCase: LetterCase, key = ''): unknown => {
  if (Array.isArray(value)) return value.map((v) => recase(v, letterCase))
  if (value === null || typeof value !== 'object') return value
  if (FREE_FORM.has(key)) return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) {
    const cased = k.includes('_') || /^[a-z]+$/.test(k) ? inCase(k, letterCase) : k
    out[/^\d+$/.test(k) ? k : cased] = (k === 'resource_type' || k === 'resource') && typeof v === 'string' ? inCase(v, letterCase) : recase(v, letterCase, k)
  }
  return out
}

/** What `_empty=false` does: null fields and empty arrays left out, at every level. */
export const dropEmpty = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(dropEmpty)
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) {
    if (v === null || (Array.isArray(v) && v.length === 0)) continue
    out[k] = dropEmpty(v)
  }
  return out
}

/** The nested document equivalent to a flat one: every reference replaced by its resource (no cycles expected). */
export const inline = (document: { readonly resources?: Record<string, Record<string, unknown>>; readonly [k: string]: unknown }): unknown => {
  const resources = document.resources ?? {}
  const expand = (value: unknown, depth: number): unknown => {
    if (depth > 50) throw new Error('cycle in test document')
    if (Array.isArray(value)) return value.map((v) => expand(v, depth + 1))
    if (value === null || typeof value !== 'object') return value
    const o = value as Record<string, unknown>
    const keys = Object.keys(o)
    if (keys.length === 2 && 'id' in o && typeof o.resource_type === 'string') {
      const target = resources[o.resource_type]?.[String(o.id)]
      if (target !== undefined) return expand(target, depth + 1)
    }
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(o)) out[k] = expand(v, depth + 1)
    return out
  }
  const { resources: _dropped, ...rest } = document
  return expand(rest, 0)
}
