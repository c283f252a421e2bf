// Letter cases of v1 names (spec §2.8): the sandbox answers in snake (default), camel or pascal case and reads
// names in any of the three.

export type LetterCase = 'snake' | 'camel' | 'pascal'

/** `fullName`, `FullName`, `full_name` → `full_name` (also `_Case` → `_case`). */
export const toSnake = (name: string): string => {
  const lead = /^_+/.exec(name)?.[0] ?? ''
  const rest = name.slice(lead.length)
  return (
    lead +
    rest
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
      .toLowerCase()
  )
}

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1)

/** A snake-case name in the requested case. Leading underscores stay (they mark special arguments). */
export const inCase = (name: string, letterCase: LetterCase): string => {
  if (letterCase === 'snake') return name
  const lead = /^_+/.exec(name)?.[0] ?? ''
  const words = name.slice(lead.length).split('_')
  const joined = letterCase === 'camel' ? (words[0] ?? '') + words.slice(1).map(capitalise).join('') : words.map(capitalise).join('')
  return lead + joined
}
