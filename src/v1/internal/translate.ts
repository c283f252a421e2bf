/**
 * Help-center texts are locale fields, one per translation (`titles`, `contents`, `descriptions`). These pure helpers
 * pick the text for a reader's locale from a decoded resource. They read included locale fields only: fetch with
 * `include: ['localeField']` (or `'*'`), nested or flat (`_flat` resources are resolved into place by the decoder, so
 * both renderings, in every `_case`, give the same answer). A field left as a reference cannot be read and never
 * matches.
 *
 * The fallback rule, in order, skipping translations that are `null` or missing:
 * 1. the asked locale (letter case ignored: `en-US` is `en-us`);
 * 2. another locale of the same language (`en-gb` for `en-us`), the bare language (`pt`) first;
 * 3. the fallback locale, exactly then by language: the help center's default, `'en-us'` unless given;
 * 4. nothing: `null`.
 */
import { isReference, type Related } from './codec'
import type { LocaleField } from './entities/localeField'

/** Kayako's default locale, the last resort of the fallback rule unless another is given. */
export const DEFAULT_LOCALE = 'en-us'

/** A resource's text in every locale it has (`titles`, `contents`…), or `null`/`undefined` where the answer left them out. */
export type Texts = ReadonlyArray<Related<LocaleField>> | null | undefined

const language = (code: string): string => code.split(/[-_]/)[0] ?? code

const norm = (code: string): string => code.trim().toLowerCase().replace(/_/g, '-')

/** The translated fields, each once, with their normalised locale. */
const readable = (fields: Texts): ReadonlyArray<readonly [string, string]> => {
  const out: Array<readonly [string, string]> = []
  for (const f of fields ?? []) {
    if (isReference(f) || f.locale === null || f.translation === null) continue
    out.push([norm(f.locale), f.translation])
  }
  return out
}

const inLocale = (texts: ReadonlyArray<readonly [string, string]>, locale: string): string | undefined => {
  const code = norm(locale)
  const exact = texts.find(([l]) => l === code)
  if (exact !== undefined) return exact[1]
  const lang = language(code)
  const sameLanguage = texts.filter(([l]) => language(l) === lang)
  return (sameLanguage.find(([l]) => l === lang) ?? sameLanguage[0])?.[1]
}

/** The text of `fields` for `locale` by the fallback rule above; `null` when no included field fits. */
export const translate = (fields: Texts, locale: string, fallback: string = DEFAULT_LOCALE): string | null => {
  const texts = readable(fields)
  return inLocale(texts, locale) ?? inLocale(texts, fallback) ?? null
}

/** An article in one language: `{ title, contents }` (contents are HTML). */
export interface LocalisedArticle {
  readonly title: string | null
  readonly contents: string | null
}

/** A section or a category in one language. */
export interface LocalisedHeading {
  readonly title: string | null
  readonly description: string | null
}

/**
 * An article's title and contents in `locale`, else in another locale of its language, else in `fallback`; `null` when
 * no included translation fits (fetch with `include: ['localeField']`). The rule is {@link translate}'s.
 */
export const localiseArticle = (
  article: { readonly titles: Texts; readonly contents: Texts },
  locale: string,
  fallback: string = DEFAULT_LOCALE
): LocalisedArticle => ({ title: translate(article.titles, locale, fallback), contents: translate(article.contents, locale, fallback) })

/** A section's or a category's title and description in `locale`, by the fallback rule of {@link localiseArticle}. */
export const localiseHeading = (
  resource: { readonly titles: Texts; readonly descriptions: Texts },
  locale: string,
  fallback: string = DEFAULT_LOCALE
): LocalisedHeading => ({ title: translate(resource.titles, locale, fallback), description: translate(resource.descriptions, locale, fallback) })
