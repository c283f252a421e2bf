/**
 * The server's XML, as `SWIFT_XML` writes it (spec §1.5): the declaration and a newline, then the document with one
 * element per line and no indentation; every value in CDATA with control characters stripped and `]]>` split; an
 * empty value as `<tag />`; attributes `htmlspecialchars`-escaped; container elements without CDATA.
 *
 * Zero is written as `<![CDATA[0]]>`, not `<tag />`: the real capture `Department_ListAll.xml` shows
 * `<parentdepartmentid><![CDATA[0]]></parentdepartmentid>` (spec §1.5 leaves PHP < 8 behaviour UNCONFIRMED).
 */

export type Scalar = string | number | boolean
export type Attributes = ReadonlyArray<readonly [string, Scalar]>

// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g

const scalarText = (value: Scalar): string => (typeof value === 'boolean' ? (value ? '1' : '0') : String(value))

/** A value as CDATA content. */
export const cdata = (value: Scalar): string => `<![CDATA[${scalarText(value).replace(CONTROL, '').replace(/]]>/g, ']]]]><![CDATA[>')}]]>`

export const escapeAttribute = (value: Scalar): string =>
  scalarText(value).replace(CONTROL, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#039;')

const attributes = (attrs: Attributes): string => attrs.map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('')

/** `<tag><![CDATA[value]]></tag>`, or `<tag />` for an empty value. */
export const leaf = (tag: string, value: Scalar): string => {
  const text = scalarText(value)
  return text === '' ? `<${tag} />\n` : `<${tag}>${cdata(text)}</${tag}>\n`
}

/** An element with attributes and optional text content (notes, time tracks, custom fields, counts). */
export const withAttributes = (tag: string, attrs: Attributes, value: Scalar = ''): string => {
  const text = scalarText(value)
  return text === '' ? `<${tag}${attributes(attrs)} />\n` : `<${tag}${attributes(attrs)}>${cdata(text)}</${tag}>\n`
}

/** A container: no CDATA, children on their own lines, `<tag>\n</tag>` when empty. */
export const parent = (tag: string, children: ReadonlyArray<string> | string, attrs: Attributes = []): string =>
  `<${tag}${attributes(attrs)}>\n${typeof children === 'string' ? children : children.join('')}</${tag}>\n`

export const comment = (text: string): string => `<!-- ${text} -->\n`

/** Leaves for each `[tag, value]`. */
export const leaves = (fields: ReadonlyArray<readonly [string, Scalar]>): string => fields.map(([t, v]) => leaf(t, v)).join('')

/** The whole document; `EchoXML` trims the output. */
export const document = (root: string): string => `<?xml version="1.0" encoding="UTF-8"?>\n${root.trim()}`
