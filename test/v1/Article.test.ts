// Article builders, the locale resolver, and the promise of the help center: an article fetched with
// include=locale_field reads as the same `{ title, contents }` nested or flat, in every `_case` (fixture and sandbox).
import * as E from 'fp-ts/Either'
import { pipe } from 'fp-ts/function'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { createV1Sandbox } from '../../src/sandbox/v1/handler'
import { inCase, toSnake, type LetterCase } from '../../src/sandbox/v1/letterCase'
import * as Article from '../../src/v1/Article'
import { v1 } from '../../src/v1/internal/executor'
import { normaliseDocument } from '../../src/v1/internal/flat'
import { withOptions } from '../../src/v1/internal/request'
import { fixture } from '../support/fixtures'
import { canned, unwrap, unwrapLeft } from '../support/transport'
import { wire } from './builderSupport'
import { localiseArticle, translate } from '../../src/v1/internal/translate'

test('Article: list filters, include as an option, writes with translations; issues before sending', () => {
  assert.is(wire(Article.all({ sectionIds: [243, 244], status: 'PUBLISHED', limit: 2 })).line, 'GET /articles?section_id=243,244&status=PUBLISHED&limit=2')
  assert.is(wire(Article.all({ include: ['localeField', 'section'] })).line, 'GET /articles?include=locale_field,section')
  assert.is(wire(Article.get(7, '*')).line, 'GET /articles/7?include=*')
  assert.is(wire(Article.search({ query: 'grinder', offset: 10 })).line, 'GET /helpcenter/search?query=grinder&offset=10&in=articles')
  assert.equal(
    wire(
      Article.post({
        titles: [{ locale: 'en-us', translation: 'T' }],
        contents: [{ locale: 'en-us', translation: '<p>C</p>' }],
        sectionId: 3,
        tags: ['a', 'b']
      })
    ),
    {
      line: 'POST /articles',
      body: { titles: [{ locale: 'en-us', translation: 'T' }], contents: [{ locale: 'en-us', translation: '<p>C</p>' }], section_id: 3, tags: 'a,b' },
      issues: []
    }
  )
  assert.equal(
    wire(
      Article.post({
        titles: [],
        contents: [
          { locale: 'en-us', translation: 'x' },
          { locale: 'EN-US', translation: 'y' }
        ],
        sectionId: 0
      })
    ).issues,
    [
      'titles: must be a non-empty array of { locale, translation }',
      'contents[1].locale: "EN-US" is given twice',
      'sectionId: must be a positive integer, got 0'
    ]
  )
  assert.equal(wire(Article.all({ status: 'GONE' as never, include: 5 as never })).issues, [
    'status: must be one of "DRAFT", "PUBLISHED", got "GONE"',
    "include: must be '*' or an array of resource types"
  ])
  assert.equal(wire(Article.search({ query: ' ' })).issues, ['query: is required and must not be blank'])
  assert.equal(wire(Article.put(1, { status: 'PUBLISHED' })), { line: 'PUT /articles/1', body: { status: 'PUBLISHED' }, issues: [] })
  assert.is(wire(Article.delete(1)).line, 'DELETE /articles/1')
})

const field = (id: number, locale: string, translation: string | null) => ({ id, locale, translation, resourceType: 'localeField' }) as const

test('localise: the locale, then its language, then the fallback (en-us unless given); references and null texts never match', () => {
  const article = {
    titles: [
      field(1, 'en-us', 'Descaling'),
      field(2, 'de', 'Entkalken'),
      field(3, 'pt-br', 'Descalcificação'),
      field(4, 'fr', null),
      { _tag: 'Reference' as const, id: 5, resourceType: 'locale_field' }
    ],
    contents: [field(6, 'en-us', '<p>Every 200 cups.</p>')]
  }
  assert.equal(localiseArticle(article as never, 'DE'), { title: 'Entkalken', contents: '<p>Every 200 cups.</p>' })
  assert.is(localiseArticle(article as never, 'de-AT').title, 'Entkalken', 'same language')
  assert.is(localiseArticle(article as never, 'pt').title, 'Descalcificação')
  assert.is(localiseArticle(article as never, 'fr').title, 'Descaling', 'a null translation falls back')
  assert.is(localiseArticle(article as never, 'ja', 'de').title, 'Entkalken', 'the given fallback')
  assert.equal(localiseArticle({ titles: [article.titles[4]], contents: [] } as never, 'en-us'), { title: null, contents: null })
  assert.is(translate([field(1, 'en_GB', 'Colour')] as never, 'en-us'), 'Colour', 'en_GB is en-gb, the same language as en-us')
})

// ---------------------------------------------------------------------------------------------------------------
// Nested and flat renderings of one answer, in every letter case

type Json = null | boolean | number | string | Array<Json> | { [key: string]: Json }

/** The document with every key (and resource type name) in `letterCase`. */
const recase = (value: Json, letterCase: LetterCase): Json => {
  if (Array.isArray(value)) return value.map((v) => recase(v, letterCase))
  if (value === null || typeof value !== 'object') return value
  const out: { [key: string]: Json } = {}
  for (const [k, v] of Object.entries(value)) {
    const name = inCase(toSnake(k), letterCase)
    out[name] = toSnake(k) === 'resource_type' && typeof v === 'string' ? inCase(toSnake(v), letterCase) : recase(v, letterCase)
  }
  return out
}

/** The flat rendering of a nested document: locale fields side-loaded under `resources`, references in their place. */
const flatten = (document: { [key: string]: Json }): { [key: string]: Json } => {
  const resources: { [id: string]: Json } = {}
  const walk = (value: Json): Json => {
    if (Array.isArray(value)) return value.map(walk)
    if (value === null || typeof value !== 'object') return value
    if (value.resourceType === 'localeField' && typeof value.id === 'number') {
      resources[String(value.id)] = value
      return { id: value.id, resourceType: 'localeField' }
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]))
  }
  return { ...document, data: walk(document.data ?? null), resources: { localeField: resources } }
}

const decodeArticles = async (body: string) => {
  // the canned answers are in every letter case, nested and flat, whatever was asked: read them all with the normaliser
  const run = v1({
    url: 'https://h',
    auth: { sessionId: 'S-0123456789', csrfToken: 'C-0123456789' },
    transport: canned({ body }).transport,
    normalise: normaliseDocument
  })
  return unwrap(await run(Article.all())()).items
}

test('fixture articles.list.include_all.json: nested and flat, snake/camel/pascal, read as the same { title, contents }', async () => {
  const nested = JSON.parse(fixture('v1/articles.list.include_all.json')) as { [key: string]: Json }
  const flat = flatten(nested)
  assert.ok(!JSON.stringify(flat.data).includes('Starting out with Kayako'), 'the flat data holds references only')
  const readings = []
  for (const document of [nested, flat]) {
    for (const letterCase of ['snake', 'camel', 'pascal'] as const) {
      const articles = await decodeArticles(JSON.stringify(recase(document, letterCase)))
      readings.push(articles.map((a) => localiseArticle(a, 'en-us')))
    }
  }
  assert.is(readings[0]?.[0]?.title, 'Starting out with Kayako')
  assert.match(readings[0]?.[1]?.contents ?? '', /^<p>Your Help Center is the first line of support/)
  for (const r of readings.slice(1)) assert.equal(r, readings[0])
})

test('sandbox: an article with include=locale_field, nested and flat, in every _case, reads the same in en-us and de', async () => {
  const sandbox = createV1Sandbox()
  const run = v1({ url: 'http://127.0.0.1:1/api/v1', auth: sandbox.credentials, transport: (r) => async () => E.right(await sandbox.handle(r)) })
  for (const locale of ['en-us', 'de']) {
    const readings = []
    for (const flat of [false, true]) {
      for (const letterCase of ['snake', 'camel', 'pascal'] as const) {
        const a = unwrap(await run(pipe(Article.get(1, ['localeField']), withOptions({ flat, case: letterCase })))())
        readings.push(localiseArticle(a, locale))
      }
    }
    assert.equal(
      readings[0],
      locale === 'de'
        ? { title: 'Auspacken und erste Inbetriebnahme', contents: readings[0]?.contents ?? null }
        : { title: 'Unpacking and first start', contents: readings[0]?.contents ?? null }
    )
    assert.match(readings[0]?.contents ?? '', locale === 'de' ? /Transportsicherung/ : /transport lock/)
    for (const r of readings.slice(1)) assert.equal(r, readings[0], locale)
  }
  const bare = unwrap(await run(Article.get(1))())
  assert.equal(localiseArticle(bare, 'en-us'), { title: null, contents: null }, 'without include the texts are references')
})

test('sandbox: write, read back in both locales, search, delete', async () => {
  const sandbox = createV1Sandbox()
  const run = v1({ url: 'http://127.0.0.1:1/api/v1', auth: sandbox.credentials, transport: (r) => async () => E.right(await sandbox.handle(r)) })
  const created = unwrap(
    await run(
      Article.post({
        titles: [{ locale: 'en-us', translation: 'Cleaning the steam wand' }],
        contents: [{ locale: 'en-us', translation: '<p>Purge after every use.</p>' }],
        sectionId: 1,
        status: 'PUBLISHED'
      })
    )()
  )
  assert.is(created.status, 'PUBLISHED')
  assert.equal(
    created.slugs.map((s) => s.translation),
    [`${created.id}-cleaning-the-steam-wand`]
  )
  unwrap(await run(Article.put(created.id, { titles: [{ locale: 'de', translation: 'Dampflanze reinigen' }] }))())
  const back = unwrap(await run(Article.get(created.id, ['localeField']))())
  assert.equal(
    [localiseArticle(back, 'de').title, localiseArticle(back, 'en-us').title, localiseArticle(back, 'de').contents],
    ['Dampflanze reinigen', 'Cleaning the steam wand', '<p>Purge after every use.</p>']
  )
  const hits = unwrap(await run(Article.search({ query: 'steam wand' }))())
  assert.equal(
    hits.items.map((h) => [h.title, h.link]),
    [['Cleaning the steam wand', `https://brewfictus.kayako.com/article/${created.id}-cleaning-the-steam-wand`]]
  )
  const bad = unwrapLeft(
    await run(Article.post({ titles: [{ locale: 'xx', translation: 'T' }], contents: [{ locale: 'en-us', translation: 'C' }], sectionId: 99 }))()
  )
  assert.equal(bad._tag === 'ApiError' ? bad.errors.map((e) => [e.code, e.parameter]) : bad, [
    ['FIELD_INVALID', 'titles'],
    ['FIELD_INVALID', 'section_id']
  ])
  unwrap(await run(Article.delete(created.id))())
  const gone = unwrapLeft(await run(Article.get(created.id))())
  assert.is(gone._tag === 'ApiError' ? gone.status : 0, 404)
})

test.run()
