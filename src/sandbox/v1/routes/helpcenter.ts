// The help center (spec §3.1 "Help center: /articles, /categories, /sections, /locales, /helpcenter/search"; the
// shapes of fixtures articles.*, sections.*, categories.*, locales.*, helpcenter.search.articles.json; the write
// parameters of mukunda-/kayako-stuff js/kayako_copy_helpcenter.js, spec §4 MUK): reads are public and show what
// the caller may see (helpcenter.ts `visibleArticle`), writes are for staff.
import { err } from '../errors'
import { everything, fail, failWith, notFound, offsetPage, one, ok, type Ctx } from '../context'
import {
  articleLink,
  createArticle,
  createCategory,
  createSection,
  mergeTexts,
  recountArticles,
  seesAll,
  slugsOf,
  textIn,
  textsOf,
  type Text,
  visibleArticle,
  visibleSection
} from '../helpcenter'
import { tagRefs } from '../model'
import { all, find, isoTime, ref, remove, type Ref, type Row, textOf } from '../store'
import { route, type Route } from './route'

/**
 * `titles: [{ locale, translation }]` (a JSON array, or its text in a form body): each locale a known one, once.
 * Missing → FIELD_REQUIRED when required; `[]` → FIELD_EMPTY (MUK: "Kayako doesn't like an empty descriptions
 * field"); anything else wrong → FIELD_INVALID.
 */
const readTexts = (ctx: Ctx, name: string, required: boolean): Array<Text> | undefined => {
  const f = ctx.fields
  if (!f.present(name)) {
    if (required) f.errors.push(err('FIELD_REQUIRED', name))
    return undefined
  }
  let value = ctx.body[name]
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value)
    } catch {
      value = undefined
    }
  }
  if (Array.isArray(value) && value.length === 0) {
    f.errors.push(err('FIELD_EMPTY', name))
    return undefined
  }
  const locales = new Set(all(ctx.store, 'locale').map((l) => textOf(l.locale)))
  const texts: Array<Text> = []
  for (const item of Array.isArray(value) ? (value as Array<unknown>) : [undefined]) {
    // Request names in any letter case (spec §2.8): `Locale`, `translation`.
    const entries =
      item !== null && typeof item === 'object' ? Object.entries(item as Record<string, unknown>).map(([k, v]) => [k.toLowerCase(), v] as const) : []
    const locale = entries.find(([k]) => k === 'locale')?.[1]
    const translation = entries.find(([k]) => k === 'translation')?.[1]
    if (
      typeof locale !== 'string' ||
      !locales.has(locale.trim().toLowerCase()) ||
      typeof translation !== 'string' ||
      texts.some((t) => t.locale === locale.trim().toLowerCase())
    ) {
      f.errors.push(err('FIELD_INVALID', name))
      return undefined
    }
    texts.push({ locale: locale.trim().toLowerCase(), translation })
  }
  return texts
}

/** A PUT's localized texts: each one given is merged into the row's; new titles also rename the row's slugs. */
const changeTexts = (ctx: Ctx, row: Row, changes: Partial<Record<'titles' | 'contents' | 'descriptions', Array<Text>>>): void => {
  for (const [name, texts] of Object.entries(changes)) {
    if (texts === undefined) continue
    row[name] = mergeTexts(ctx.store, row[name] as ReadonlyArray<Ref>, texts, ctx.now)
    if (name === 'titles') row.slugs = slugsOf(ctx.store, row.id as number, row.titles as ReadonlyArray<Ref>)
  }
}

const staffUser = (ctx: Ctx, name: string): Row | undefined => {
  const user = ctx.fields.existing(name, 'user')
  if (user !== undefined && textOf(find(ctx.store, 'role', (user.role as Ref).id)?.type) === 'CUSTOMER') ctx.fields.errors.push(err('FIELD_INVALID', name))
  return user
}

const idsArgument = (ctx: Ctx, name: string): Array<string> | undefined | 'invalid' => {
  const raw = ctx.query.get(name)
  if (raw === undefined) return undefined
  const ids = raw.split(',').map((s) => s.trim())
  return ids.every((id) => /^\d+$/.test(id)) ? ids : 'invalid'
}

const ARTICLE_STATUSES = ['DRAFT', 'PUBLISHED'] as const

const articleRoutes = (): Array<Route> => [
  // Ordered by id; `section_id` (CSV) and `status` filter (MUK passes section_id; the JSDK recording sectionId).
  route('GET', 'articles', 'public', (ctx) => {
    const sections = idsArgument(ctx, 'section_id')
    const status = ctx.query.get('status')?.trim().toUpperCase()
    if (sections === 'invalid') return failWith('FIELD_INVALID', 'section_id')
    if (status !== undefined && !(ARTICLE_STATUSES as ReadonlyArray<string>).includes(status)) return failWith('FIELD_INVALID', 'status')
    const rows = all(ctx.store, 'article').filter(
      (a) =>
        visibleArticle(ctx.store, ctx.principal, a) &&
        (sections === undefined || sections.includes(String((a.section as Ref).id))) &&
        (status === undefined || a.status === status)
    )
    return offsetPage(ctx, rows, 'article')
  }),
  route('GET', 'articles/:id', 'public', (ctx) => {
    const row = find(ctx.store, 'article', ctx.params.id)
    return row === undefined || !visibleArticle(ctx.store, ctx.principal, row) ? notFound() : one(row)
  }),
  route('POST', 'articles', 'agent', (ctx) => {
    const f = ctx.fields
    const titles = readTexts(ctx, 'titles', true)
    const contents = readTexts(ctx, 'contents', true)
    const section = f.existing('section_id', 'section', { required: true })
    const status = f.oneOf('status', ARTICLE_STATUSES)
    const author = staffUser(ctx, 'author_id')
    const keywords = f.string('keywords')
    const tags = f.list('tags')
    const featured = f.bool('is_featured')
    const comments = f.bool('allow_comments')
    if (f.errors.length > 0 || titles === undefined || contents === undefined || section === undefined) return fail(f.errors)
    const me = ctx.principal.user.id as number
    const row = createArticle(ctx.store, {
      titles,
      contents,
      sectionId: section.id as number,
      authorId: (author?.id as number | undefined) ?? me,
      creatorId: me,
      status: status ?? 'DRAFT',
      keywords: keywords ?? null,
      tags: tagRefs(ctx.store, tags ?? []),
      isFeatured: featured ?? false,
      allowComments: comments ?? true,
      uuid: ctx.state.rnd.uuid(),
      at: ctx.now
    })
    return one(row, 201)
  }),
  route('PUT', 'articles/:id', 'agent', (ctx) => {
    const row = find(ctx.store, 'article', ctx.params.id)
    if (row === undefined) return notFound()
    const f = ctx.fields
    const titles = readTexts(ctx, 'titles', false)
    const contents = readTexts(ctx, 'contents', false)
    const section = f.existing('section_id', 'section')
    const status = f.oneOf('status', ARTICLE_STATUSES)
    const author = staffUser(ctx, 'author_id')
    const keywords = f.string('keywords')
    const tags = f.list('tags')
    const featured = f.bool('is_featured')
    const comments = f.bool('allow_comments')
    if (f.errors.length > 0) return fail(f.errors)
    changeTexts(ctx, row, { titles, contents })
    if (section !== undefined) row.section = ref('section', section.id as number)
    if (status !== undefined) {
      if (status === 'PUBLISHED' && row.published_at === null) row.published_at = isoTime(ctx.now)
      row.status = status
    }
    if (author !== undefined) row.author = ref('user', author.id as number)
    if (keywords !== undefined) row.keywords = keywords
    if (tags !== undefined) row.tags = tagRefs(ctx.store, tags)
    if (featured !== undefined) row.is_featured = featured
    if (comments !== undefined) row.allow_comments = comments
    row.updated_at = isoTime(ctx.now)
    recountArticles(ctx.store)
    return one(row)
  }),
  route('DELETE', 'articles/:id', 'agent', (ctx) => {
    const row = find(ctx.store, 'article', ctx.params.id)
    if (row === undefined) return notFound()
    for (const name of ['titles', 'contents']) for (const r of row[name] as ReadonlyArray<Ref>) remove(ctx.store, 'locale_field', r.id)
    remove(ctx.store, 'article', ctx.params.id)
    recountArticles(ctx.store)
    return ok()
  })
]

const SECTION_VISIBILITIES = ['PUBLIC', 'AGENTS', 'TEAMS'] as const
const ARTICLE_ORDERS = ['LATEST', 'POPULAR', 'TITLE', 'CUSTOM'] as const

const sectionRoutes = (): Array<Route> => [
  route('GET', 'sections', 'public', (ctx) => {
    const categories = idsArgument(ctx, 'category_ids')
    if (categories === 'invalid') return failWith('FIELD_INVALID', 'category_ids')
    const rows = all(ctx.store, 'section').filter(
      (s) => visibleSection(ctx.principal, s) && (categories === undefined || categories.includes(String((s.category as Ref).id)))
    )
    return offsetPage(ctx, rows, 'section')
  }),
  route('GET', 'sections/:id', 'public', (ctx) => {
    const row = find(ctx.store, 'section', ctx.params.id)
    return visibleSection(ctx.principal, row) && row !== undefined ? one(row) : notFound()
  }),
  route('POST', 'sections', 'admin', (ctx) => {
    const f = ctx.fields
    const titles = readTexts(ctx, 'titles', true)
    const descriptions = readTexts(ctx, 'descriptions', false)
    const category = f.existing('category_id', 'category', { required: true })
    const visibility = f.oneOf('visibility', SECTION_VISIBILITIES)
    const order = f.oneOf('article_order_by', ARTICLE_ORDERS)
    if (f.errors.length > 0 || titles === undefined || category === undefined) return fail(f.errors)
    const row = createSection(ctx.store, {
      titles,
      descriptions: descriptions ?? [],
      categoryId: category.id as number,
      agentId: ctx.principal.user.id as number,
      visibility: visibility ?? 'PUBLIC',
      articleOrderBy: order ?? 'LATEST',
      at: ctx.now
    })
    return one(row, 201)
  }),
  route('PUT', 'sections/:id', 'admin', (ctx) => {
    const row = find(ctx.store, 'section', ctx.params.id)
    if (row === undefined) return notFound()
    const f = ctx.fields
    const titles = readTexts(ctx, 'titles', false)
    const descriptions = readTexts(ctx, 'descriptions', false)
    const category = f.existing('category_id', 'category')
    const visibility = f.oneOf('visibility', SECTION_VISIBILITIES)
    const order = f.oneOf('article_order_by', ARTICLE_ORDERS)
    if (f.errors.length > 0) return fail(f.errors)
    changeTexts(ctx, row, { titles, descriptions })
    if (category !== undefined) row.category = ref('category', category.id as number)
    if (visibility !== undefined) row.visibility = visibility
    if (order !== undefined) row.article_order_by = order
    row.updated_at = isoTime(ctx.now)
    return one(row)
  })
]

const categoryRoutes = (): Array<Route> => [
  // Ordered by display order (fixture categories.list.json: 5, 1, 2 by display_order 1, 2, 3).
  route('GET', 'categories', 'public', (ctx) => {
    const brand = ctx.query.get('brand_id')
    if (brand !== undefined && !/^\d+$/.test(brand.trim())) return failWith('FIELD_INVALID', 'brand_id')
    const rows = all(ctx.store, 'category')
      .filter((c) => brand === undefined || String((c.brand as Ref | null)?.id) === brand.trim())
      .sort((a, b) => Number(a.display_order) - Number(b.display_order))
    return offsetPage(ctx, rows, 'category')
  }),
  route('GET', 'categories/:id', 'public', (ctx) => {
    const row = find(ctx.store, 'category', ctx.params.id)
    return row === undefined ? notFound() : one(row)
  }),
  route('POST', 'categories', 'admin', (ctx) => {
    const titles = readTexts(ctx, 'titles', true)
    const descriptions = readTexts(ctx, 'descriptions', false)
    const brand = ctx.fields.existing('brand_id', 'brand')
    if (ctx.fields.errors.length > 0 || titles === undefined) return fail(ctx.fields.errors)
    return one(createCategory(ctx.store, { titles, descriptions: descriptions ?? [], brandId: (brand?.id as number | undefined) ?? 1, at: ctx.now }), 201)
  }),
  route('PUT', 'categories/:id', 'admin', (ctx) => {
    const row = find(ctx.store, 'category', ctx.params.id)
    if (row === undefined) return notFound()
    const titles = readTexts(ctx, 'titles', false)
    const descriptions = readTexts(ctx, 'descriptions', false)
    const brand = ctx.fields.existing('brand_id', 'brand')
    if (ctx.fields.errors.length > 0) return fail(ctx.fields.errors)
    changeTexts(ctx, row, { titles, descriptions })
    if (brand !== undefined) row.brand = ref('brand', brand.id as number)
    row.updated_at = isoTime(ctx.now)
    return one(row)
  })
]

/** The locale a search hit is written in: the caller's, else en-us. */
const readerLocale = (ctx: Ctx): string => (typeof ctx.principal?.user.locale === 'string' ? ctx.principal.user.locale : 'en-us')

/**
 * `GET /helpcenter/search?query=&in=articles` (fixture helpcenter.search.articles.json, the JSDK's recorded call):
 * the visible articles whose title, contents or keywords hold every word of the query, title matches first; each hit
 * is `{ uuid, title, contents, link, original, created_at, updated_at }` in the caller's locale, resource `search`.
 */
const searchRoute = (): Route =>
  route('GET', 'helpcenter/search', 'public', (ctx) => {
    const query = ctx.query.get('query')?.trim().toLowerCase()
    const scope = ctx.query.get('in')?.trim().toLowerCase() ?? 'articles'
    if (query === undefined || query === '') return failWith('FIELD_REQUIRED', 'query')
    if (scope !== 'articles') return failWith('FIELD_INVALID', 'in')
    const words = query.split(/\s+/)
    const locale = readerLocale(ctx)
    const scored = all(ctx.store, 'article')
      .filter((a) => visibleArticle(ctx.store, ctx.principal, a))
      .map((a) => {
        const titles = textsOf(ctx.store, a, ['titles']).join(' ')
        const rest = [...textsOf(ctx.store, a, ['contents']), textOf(a.keywords ?? '').toLowerCase()].join(' ')
        const found = words.every((w) => titles.includes(w) || rest.includes(w))
        return { a, found, inTitle: words.every((w) => titles.includes(w)) }
      })
      .filter((s) => s.found)
      .sort((x, y) => Number(y.inTitle) - Number(x.inTitle) || Number(x.a.id) - Number(y.a.id))
    const hits: Array<Row> = scored.map(({ a }) => ({
      uuid: a.uuid as string,
      title: textIn(ctx.store, a.titles as ReadonlyArray<Ref>, locale),
      contents: textIn(ctx.store, a.contents as ReadonlyArray<Ref>, locale),
      link: articleLink(ctx.store, a),
      original: ref('article', a.id as number),
      created_at: a.created_at as string,
      updated_at: a.updated_at as string,
      $type: 'helpcenter_hit'
    }))
    return offsetPage(ctx, hits, 'search')
  })

export const HELPCENTER_ROUTES = (): ReadonlyArray<Route> => [
  ...articleRoutes(),
  ...sectionRoutes(),
  ...categoryRoutes(),
  // Locales are public and unpaginated (fixture locales.list.partial.json: total_count only).
  route('GET', 'locales', 'public', (ctx) =>
    everything(
      all(ctx.store, 'locale').filter((l) => seesAll(ctx.principal) || l.is_public === true),
      'locale'
    )
  ),
  route('GET', 'locales/:id', 'public', (ctx) => {
    const row = find(ctx.store, 'locale', ctx.params.id)
    return row === undefined ? notFound() : one(row)
  }),
  route('GET', 'locale/fields/:id', 'public', (ctx) => {
    const row = find(ctx.store, 'locale_field', ctx.params.id)
    return row === undefined ? notFound() : one(row)
  }),
  searchRoute()
]
