/**
 * How `Ticket::Create` cleans what it stores (spec §2.7): the new ticket's name (`text_to_html_entities`) and the first
 * post's contents and `ishtml` flag. Split from `Ticket.ts` (`T/api/Ticket.php` is the controller they serve).
 */
import type { HelpdeskSettings } from '../settings'

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', '#039': "'" }

/** PHP `html_entity_decode` for the named entities above and numeric references. */
const decodeEntities = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
    const lower = name.toLowerCase()
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16))
    if (lower.startsWith('#')) return lower === '#039' ? "'" : String.fromCodePoint(Number(lower.slice(1)))
    return ENTITIES[lower] ?? whole
  })

/** PHP `strip_tags`: a `<` followed by a non-blank starts a tag that runs to the next `>` (or the end). */
const phpStripTags = (text: string): string => text.replace(/<!--[\s\S]*?(-->|$)/g, '').replace(/<[^\s<][^>]*(>|$)/g, '')

/**
 * `text_to_html_entities($name, 1, true, true)` (`F:2252-2263`, `removeTags` `F:1798-1858`): entities decoded, tags
 * stripped (after `<`/`>` next to a digit are spaced out), `"` turned into `'`. Applied to a new ticket's name.
 */
export const cleanName = (text: string): string => {
  let clean = decodeEntities(text)
    .replace(/([<>])([0-9])/g, '$1 $2')
    .replace(/([0-9])([<>])/g, '$1 $2')
  clean = phpStripTags(clean)
  for (let i = 0; i < 8 && decodeEntities(clean) !== clean; i++) clean = decodeEntities(clean)
  return decodeEntities(clean.replace(/"/g, "'"))
}

/** `SWIFT_HTML::DetectHTMLContent` (`B/library/HTML/class.SWIFT_HTML.php:131-134`): one of the listed tags. */
const HTML_TAG =
  /<(\s+)?(a|abbr|acronym|address|applet|area|base|basefont|big|blockquote|body|br|b|button|caption|center|cite|code|col|dfn|div|dl|dt|dd|em|font|form|frameset|frame|fieldset|h1|h2|h3|h4|h5|h6|head|hr|html|img|input|isindex|i|kbd|link|li|label|map|menu|meta|ol|option|optgroup|object|param|pre|p|q| samp|script|select|small|span|strikeout|strong|style|sub|sup|table|td|textarea|th|tbody|thead|tfoot|title|tr|tt|ul|u|var)([\s]+(.*)|[\s]*\/)?(\s+)?>/i

/**
 * The first post's `contents` and `ishtml`: `Ticket::Create` passes `ishtml=false` to `TicketPost::Create`, whose
 * `addLineBreaksIfText` (`class.SWIFT_TicketPost.php:126-146,774`) sets `ishtml=1` with the plain-text editor (the
 * 4.98.8 default) and adds `<br />` for the HTML format.
 */
export const firstPostBody = (settings: HelpdeskSettings, contents: string): { readonly contents: string; readonly ishtml: boolean } => {
  if (settings.richTextEditor) return { contents, ishtml: false }
  if (settings.editorFormat === 'text') return { contents, ishtml: true }
  if (HTML_TAG.test(decodeEntities(contents)) && /<br\s*\/?>/i.test(contents)) return { contents, ishtml: false }
  return { contents: contents.replace(/(\r\n|\n\r|\n|\r)/g, '<br />$1'), ishtml: true }
}
