/**
 * Reading a `Link` header (RFC 8288) for paging, in its own module so that only list builders carry it.
 */

/**
 * The `rel="next"` target of a `Link` header (RFC 8288), or `null`. Kayako was seen naming the next page there only
 * (the Zammad importer pages by it, spec §2.6), its URL percent-encoded once more than needed
 * (`…?after_id%253D20`): a target without `=` is decoded (at most twice) until it has one.
 */
export const nextLink = (header: string | undefined): string | null => {
  // the first link whose first `rel` parameter has `next` among its space-separated values (a target holds no `<`,
  // which URIs never do: a match cannot start at one `<` and run past the next, so a hostile header costs linear time)
  let target = /<([^<>]*)>[^,<;]*(;(?!\s*rel\s*=)[^,<;]*)*;\s*rel\s*=\s*"?([^";,<]*\s)?next(?![^\s";,<])/i.exec(header ?? '')?.[1]?.trim() ?? ''
  for (let i = 0; i < 2 && !target.includes('=') && /%3D|%25/i.test(target); i++) {
    try {
      target = decodeURIComponent(target)
    } catch {
      break
    }
  }
  return target === '' ? null : target
}
