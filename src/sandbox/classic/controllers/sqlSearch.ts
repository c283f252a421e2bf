/**
 * `BuildSQLSearch` (`__swift/includes/functions.php:1280-1344`) as a predicate: the LIKE conditions the server builds
 * from a search query, evaluated the way MySQL would on one column.
 *
 * Whitespace runs become one space; unless `noParity`, the characters ``~`#$^&*()=+[]{}|<>,;`` are removed. Quoted
 * parts (`"…"`, `'…'`) are strict phrases; the rest splits on spaces: `-word` is NOT LIKE, `+word` and `word` LIKE
 * `%word%`. The conditions are ORed (`useOr`) or ANDed. No condition at all gives `false` in the SQL, a syntax error
 * that fails the whole query: `undefined` here. LIKE is case- and accent-insensitive (utf8_general_ci), `%` and `_`
 * in a word are wildcards, and a NULL column matches nothing.
 */
export type ColumnTest = (value: string | null) => boolean

const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()

const likeContains = (needle: string): ((value: string) => boolean) => {
  const pattern = fold(needle)
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/%/g, '.*')
    .replace(/_/g, '.')
  const regex = new RegExp(pattern, 's')
  return (value) => regex.test(fold(value))
}

export const sqlSearch = (query: string, noParity: boolean, useOr: boolean): ColumnTest | undefined => {
  let text = query.replace(/\s+/g, ' ')
  if (!noParity) text = text.replace(/[~`#$^&*()=+[\]{}|<>,;]/g, '')
  const strict: Array<string> = []
  // `/["|'](.*)["|']/iU`: ungreedy, and `|` is one of the quote characters.
  text = text.replace(/["|'](.*?)["|']/g, (_, inner: string) => {
    if (inner.trim() !== '') strict.push(inner)
    return ''
  })
  const conditions: Array<(value: string) => boolean> = []
  for (const word of text.split(' ')) {
    if (word.trim() === '') continue
    if (word.startsWith('-')) {
      const like = likeContains(word.slice(1))
      conditions.push((value) => !like(value))
    } else conditions.push(likeContains(word.startsWith('+') ? word.slice(1) : word))
  }
  for (const phrase of strict) conditions.push(likeContains(phrase))
  if (conditions.length === 0) return undefined
  return (value) => value !== null && (useOr ? conditions.some((c) => c(value)) : conditions.every((c) => c(value)))
}
