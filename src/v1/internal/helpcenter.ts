/**
 * What the help-center modules (`Article`, `Section`, `Category`) share on the input side: texts given per locale,
 * and the `include` list argument (so a listing can ask for its locale fields in the same call).
 */
import * as V from '../../core/validate'
import type { Issues } from '../../core/validate'
import { includeQuery, type Include } from './options'
import { shaped, type V1Request } from './request'

export { checkInclude, type Include } from './options'

/** One translation of a text, as the server takes it (`titles: [{ locale, translation }]`). */
export interface Translation {
  /** A locale code such as `en-us`. */
  readonly locale: string
  readonly translation: string
}

/** A non-empty list of translations, each with a locale and a string; one per locale. */
export const checkTranslations = (path: string, value: unknown): Issues => {
  if (!Array.isArray(value) || value.length === 0) return [{ path, message: 'must be a non-empty array of { locale, translation }' }]
  const seen = new Set<string>()
  return value.flatMap((t: unknown, i): Issues => {
    const at = `${path}[${i}]`
    if (t === null || typeof t !== 'object') return [{ path: at, message: 'must be an object' }]
    const { locale, translation } = t as Record<string, unknown>
    const found = V.issues(V.nonBlank(`${at}.locale`, locale), V.isString(`${at}.translation`, translation))
    if (typeof locale === 'string') {
      const code = locale.trim().toLowerCase()
      if (seen.has(code)) return [...found, { path: `${at}.locale`, message: `${JSON.stringify(locale)} is given twice` }]
      seen.add(code)
    }
    return found
  })
}

/** Sent as given: `{ locale, translation }` objects. Total like the builders: what is not a list is sent as it is (its issue stops it). */
export const translations = (value: ReadonlyArray<Translation>): unknown =>
  Array.isArray(value)
    ? value.map((t: unknown) => (t !== null && typeof t === 'object' ? { locale: (t as Translation).locale, translation: (t as Translation).translation } : t))
    : value

/** The request with its `include` option (see `shaped`). */
export const including = <A>(include: Include | undefined, req: V1Request<A>): V1Request<A> => shaped({ include }, includeQuery, req)
