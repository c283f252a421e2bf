// The help center of the sandbox (spec §3.1 "Help center", fixtures articles.*, sections.*, categories.*, locales.*):
// row builders that keep texts as locale fields (one row per translation, referenced from `titles`, `contents`,
// `descriptions`), the visibility rule the routes share, and the seed: two categories, three sections and six
// articles in two public locales (en-us and de), some texts in en-us only.
import { INSTANCE, isStaff } from './model'
import type { Principal } from './context'
import { all, find, insert, isoTime, ref, type Ref, type Row, type Store, textOf } from './store'

/** A text in one locale, as the API takes and the seed writes it. */
export interface Text {
  readonly locale: string
  readonly translation: string
}

const slugOf = (id: number, title: string): string =>
  `${id}-${title
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`

const localeFieldRows = (store: Store, texts: ReadonlyArray<Text>, at: number): Array<Ref> =>
  texts.map((t) =>
    ref(
      'locale_field',
      insert(store, 'locale_field', { locale: t.locale, translation: t.translation, created_at: isoTime(at), updated_at: isoTime(at) }).id as number
    )
  )

/**
 * Replaces the translations a write names (a locale already there keeps its locale field, updated; a new one gets a
 * new field), keeping the others: a PUT with `titles: [{ locale: 'de', … }]` leaves the en-us title as it was.
 */
export const mergeTexts = (store: Store, current: ReadonlyArray<Ref>, texts: ReadonlyArray<Text>, at: number): Array<Ref> => {
  const out = [...current]
  for (const t of texts) {
    const same = out.map((r) => find(store, 'locale_field', r.id)).find((f) => f !== undefined && textOf(f.locale) === t.locale)
    if (same === undefined) out.push(...localeFieldRows(store, [t], at))
    else {
      same.translation = t.translation
      same.updated_at = isoTime(at)
    }
  }
  return out
}

/** The slugs of a resource: one per title, from the title's text. */
export const slugsOf = (store: Store, id: number, titles: ReadonlyArray<Ref>): Array<Row> =>
  titles
    .map((r) => find(store, 'locale_field', r.id))
    .filter((f): f is Row => f !== undefined)
    .map((f) => ({ locale: f.locale as string, translation: slugOf(id, textOf(f.translation)), resource_type: 'slug' }))

/** Every translation of a resource's texts (for search), lower case. */
export const textsOf = (store: Store, row: Row, fields: ReadonlyArray<string>): Array<string> =>
  fields.flatMap((name) =>
    ((row[name] as ReadonlyArray<Ref> | undefined) ?? []).map((r) => textOf(find(store, 'locale_field', r.id)?.translation ?? '').toLowerCase())
  )

/**
 * The text of a resource's field in a locale: the locale, another of the same language, then en-us (the rule the
 * client's `translate` documents).
 */
export const textIn = (store: Store, refs: ReadonlyArray<Ref>, locale: string): string => {
  const fields = refs.map((r) => find(store, 'locale_field', r.id)).filter((f): f is Row => f !== undefined && f.translation !== null)
  const lang = (code: string): string => code.split('-')[0] ?? code
  const pick = (code: string) => fields.find((f) => f.locale === code) ?? fields.find((f) => lang(textOf(f.locale)) === lang(code))
  return textOf((pick(locale) ?? pick('en-us') ?? fields[0])?.translation ?? '')
}

/**
 * Who sees what (UNCONFIRMED, the reading that refuses more): staff see every section and article; customers and
 * anonymous callers see PUBLIC sections and the PUBLISHED articles in them.
 */
export const seesAll = (principal: Principal | undefined): boolean => principal !== undefined && isStaff(principal.roleType)

export const visibleSection = (principal: Principal | undefined, section: Row | undefined): boolean =>
  section !== undefined && (seesAll(principal) || section.visibility === 'PUBLIC')

export const visibleArticle = (store: Store, principal: Principal | undefined, article: Row): boolean =>
  seesAll(principal) || (article.status === 'PUBLISHED' && visibleSection(principal, find(store, 'section', (article.section as Ref).id)))

/** Sections' `total_articles` follow the articles. */
export const recountArticles = (store: Store): void => {
  for (const section of all(store, 'section')) {
    section.total_articles = all(store, 'article').filter((a) => String((a.section as Ref).id) === textOf(section.id)).length
  }
}

export const articleLink = (store: Store, article: Row): string => {
  const slug =
    ((article.slugs as ReadonlyArray<Row> | undefined) ?? []).find((s) => s.locale === 'en-us') ?? (article.slugs as ReadonlyArray<Row> | undefined)?.[0]
  return `https://${INSTANCE}/article/${textOf(slug?.translation ?? article.id)}`
}

export interface NewArticleRow {
  readonly titles: ReadonlyArray<Text>
  readonly contents: ReadonlyArray<Text>
  readonly sectionId: number
  readonly authorId: number
  readonly creatorId: number
  readonly status: string
  readonly keywords: string | null
  readonly tags: ReadonlyArray<Ref>
  readonly isFeatured: boolean
  readonly allowComments: boolean
  readonly uuid: string
  readonly at: number
}

/** An article row with the fields of articles.list.json in its order. */
export const createArticle = (store: Store, input: NewArticleRow): Row => {
  const when = isoTime(input.at)
  const titles = localeFieldRows(store, input.titles, input.at)
  const row = insert(store, 'article', {
    uuid: input.uuid,
    titles,
    slugs: [],
    contents: localeFieldRows(store, input.contents, input.at),
    keywords: input.keywords,
    section: ref('section', input.sectionId),
    creator: ref('user', input.creatorId),
    author: ref('user', input.authorId),
    attachments: [],
    download_all: null,
    status: input.status,
    upvote_count: 0,
    downvote_count: 0,
    views: 0,
    rank: 0,
    tags: [...input.tags],
    is_featured: input.isFeatured,
    allow_comments: input.allowComments,
    total_comments: 0,
    created_at: when,
    published_at: input.status === 'PUBLISHED' ? when : null,
    updated_at: when
  })
  row.slugs = slugsOf(store, row.id as number, titles)
  recountArticles(store)
  return row
}

export const createSection = (
  store: Store,
  input: {
    titles: ReadonlyArray<Text>
    descriptions: ReadonlyArray<Text>
    categoryId: number
    agentId: number
    visibility: string
    articleOrderBy: string
    at: number
  }
): Row => {
  const titles = localeFieldRows(store, input.titles, input.at)
  const row = insert(store, 'section', {
    titles,
    slugs: [],
    descriptions: localeFieldRows(store, input.descriptions, input.at),
    visibility: input.visibility,
    category: ref('category', input.categoryId),
    agent: ref('user', input.agentId),
    article_order_by: input.articleOrderBy,
    total_articles: 0,
    created_at: isoTime(input.at),
    updated_at: isoTime(input.at)
  })
  row.slugs = slugsOf(store, row.id as number, titles)
  return row
}

export const createCategory = (
  store: Store,
  input: { titles: ReadonlyArray<Text>; descriptions: ReadonlyArray<Text>; brandId: number | null; at: number }
): Row => {
  const titles = localeFieldRows(store, input.titles, input.at)
  const displayOrder = all(store, 'category').length + 1
  const row = insert(store, 'category', {
    titles,
    slugs: [],
    descriptions: localeFieldRows(store, input.descriptions, input.at),
    brand: input.brandId === null ? null : ref('brand', input.brandId),
    display_order: displayOrder,
    created_at: isoTime(input.at),
    updated_at: isoTime(input.at)
  })
  row.slugs = slugsOf(store, row.id as number, titles)
  return row
}

/** 2016-06-23T14:12:20Z, the time of the fixtures' help center. */
const HC0 = 1466691140000
const DAY = 86_400_000

const en = (translation: string): Text => ({ locale: 'en-us', translation })
const de = (translation: string): Text => ({ locale: 'de', translation })

/** The two public locales (en-us as in locales.get.json) and a third the help center does not offer. */
const seedLocales = (store: Store): void => {
  const at = isoTime(HC0)
  const locales: Array<[string, string, string, string | null, string | null, boolean]> = [
    ['en-us', 'English', 'English (United States)', 'US', 'United States', true],
    ['de', 'German', 'Deutsch', null, null, true],
    ['fr', 'French', 'Français', null, null, false]
  ]
  for (const [locale, name, nativeName, region, nativeRegion, isPublic] of locales) {
    insert(store, 'locale', {
      locale,
      name,
      native_name: nativeName,
      region,
      native_region: nativeRegion,
      script: null,
      variant: null,
      direction: 'ltr',
      is_public: isPublic,
      is_localised: isPublic,
      created_at: at,
      updated_at: at
    })
  }
}

export const seedHelpCenter = (store: Store, uuid: () => string): void => {
  seedLocales(store)
  createCategory(store, {
    titles: [en('Getting started'), de('Erste Schritte')],
    descriptions: [en('Set up your Brewfictus machine.'), de('So richten Sie Ihre Brewfictus-Maschine ein.')],
    brandId: 1,
    at: HC0
  })
  createCategory(store, { titles: [en('Troubleshooting'), de('Fehlerbehebung')], descriptions: [], brandId: 1, at: HC0 + 60_000 })
  const sections: Array<[ReadonlyArray<Text>, ReadonlyArray<Text>, number, string]> = [
    [[en('Your first espresso machine'), de('Ihre erste Espressomaschine')], [en('From the box to the first cup.')], 1, 'PUBLIC'],
    [[en('Grinders'), de('Mühlen')], [], 2, 'PUBLIC'],
    [[en('Repair notes')], [en('For the service team only.')], 2, 'AGENTS']
  ]
  sections.forEach(([titles, descriptions, categoryId, visibility], i) =>
    createSection(store, { titles, descriptions, categoryId, agentId: 1, visibility, articleOrderBy: 'LATEST', at: HC0 + (i + 2) * 60_000 })
  )
  const articles: Array<[ReadonlyArray<Text>, ReadonlyArray<Text>, number, string, string | null]> = [
    [
      [en('Unpacking and first start'), de('Auspacken und erste Inbetriebnahme')],
      [
        en('<p>Remove the transport lock, fill the water tank and run one empty shot.</p>'),
        de('<p>Entfernen Sie die Transportsicherung, füllen Sie den Wassertank und lassen Sie einen leeren Bezug durchlaufen.</p>')
      ],
      1,
      'PUBLISHED',
      'setup, first start'
    ],
    [
      [en('Descaling your machine'), de('Entkalken Ihrer Maschine')],
      [
        en('<p>Descale every 200 cups, or when the descaling reminder lights up.</p>'),
        de('<p>Entkalken Sie alle 200 Tassen oder wenn die Entkalkungsanzeige leuchtet.</p>')
      ],
      1,
      'PUBLISHED',
      'descaling, maintenance'
    ],
    [
      [en('Grinder stops after ten seconds'), de('Mühle stoppt nach zehn Sekunden')],
      [
        en('<p>The grinder stops when the bean hopper lid is not seated: press it down until it clicks.</p>'),
        de('<p>Die Mühle stoppt, wenn der Deckel des Bohnenbehälters nicht richtig sitzt.</p>')
      ],
      2,
      'PUBLISHED',
      null
    ],
    [[en('Choosing a grind size')], [en('<p>Finer for espresso, coarser for filter coffee.</p>')], 2, 'PUBLISHED', null],
    [[en('Replacing the group head gasket')], [en('<p>Use the 8 mm gasket tool; never reuse an old gasket.</p>')], 3, 'PUBLISHED', 'gasket, repair'],
    [
      [en('Milk frothing tips'), de('Tipps zum Milchschäumen')],
      [en('<p>Draft: start with cold milk.</p>'), de('<p>Entwurf: mit kalter Milch beginnen.</p>')],
      1,
      'DRAFT',
      null
    ]
  ]
  articles.forEach(([titles, contents, sectionId, status, keywords], i) =>
    createArticle(store, {
      titles,
      contents,
      sectionId,
      authorId: 1,
      creatorId: 1,
      status,
      keywords,
      tags: [],
      isFeatured: i === 0,
      allowComments: true,
      uuid: uuid(),
      at: HC0 + (i + 1) * DAY
    })
  )
}
