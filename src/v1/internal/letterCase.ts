/**
 * Letter cases of the v1 API (spec §2.8): the server writes names in snake_case by default, camelCase with
 * `_case=camel`, PascalCase with `_case=pascal`, and reads any of the three. The client decodes everything as snake
 * and writes camelCase TypeScript names as snake.
 */

export type LetterCase = 'snake' | 'camel' | 'pascal'

// Names repeat a lot across a document (every resource has `created_at`, `resource_type` …): converting each distinct
// name once keeps normalisation cheap. The cache is bounded so free-form keys cannot grow it without limit.
const MAX_CACHED = 4096
const snakeCache = /*#__PURE__*/ new Map<string, string>()

const convertToSnake = (name: string): string => {
  let out = ''
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i)
    if (c >= 65 && c <= 90) {
      // an upper-case letter starts a word unless it continues an acronym (`userID` → `user_id`, `HTMLBody` → `html_body`)
      const prevUpper = i > 0 && isUpper(name.charCodeAt(i - 1))
      const nextLower = i + 1 < name.length && isLower(name.charCodeAt(i + 1))
      if (i > 0 && out[out.length - 1] !== '_' && (!prevUpper || nextLower)) out += '_'
      out += String.fromCharCode(c + 32)
    } else {
      out += name.charAt(i)
    }
  }
  return out
}

export const isUpper = (c: number): boolean => c >= 65 && c <= 90
const isLower = (c: number): boolean => c >= 97 && c <= 122

/** `fullName`, `FullName`, `full_name` → `full_name`. Names already in snake case come back unchanged. */
export const toSnake = (name: string): string => {
  const cached = snakeCache.get(name)
  if (cached !== undefined) return cached
  // fast path: no upper-case letter at all
  const snake = /[A-Z]/.test(name) ? convertToSnake(name) : name
  if (snakeCache.size < MAX_CACHED) snakeCache.set(name, snake)
  return snake
}

/** `full_name` → `fullName`. */
export const toCamel = (name: string): string => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())

/** `full_name` → `FullName`. */
export const toPascal = (name: string): string => {
  const camel = toCamel(name)
  return camel.charAt(0).toUpperCase() + camel.slice(1)
}

/** A snake name in the given case (what a server with `_case=…` writes). */
export const inCase = (name: string, letterCase: LetterCase): string =>
  letterCase === 'snake' ? name : letterCase === 'camel' ? toCamel(name) : toPascal(name)
