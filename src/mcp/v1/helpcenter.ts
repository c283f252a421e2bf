/** The help center: `v1_search_articles` (its search) and `v1_get_article` (one article in the reader's language). */
import { z } from 'zod'
import * as E from '../../core/either'
import * as Article from '../../v1/Article'
import { isReference } from '../../v1/internal/codec'
import { DEFAULT_LOCALE, localiseArticle } from '../../v1/internal/translate'
import { attempt } from '../errors'
import { capText, cursorArg, iso, pageShape } from '../format'
import { defineTool, READ } from '../tool'
import { envelope, limitArg, moreText, resume } from './paging'
import { plain } from './shape'

const SEARCH_ARTICLES = 'v1_search_articles'

/** How much of an article a search hit shows. */
const EXCERPT = 300

const excerpt = (text: string): string => (text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text)

const hitSchema = /*#__PURE__*/ z.object({
  id: z.number().nullable().describe('The article id for v1_get_article.'),
  title: z.string(),
  excerpt: z.string().describe(`The first ${EXCERPT} characters, plain text.`),
  link: z.string().nullable().describe('Its page in the public help center (to give a customer).'),
  updatedAt: z.string().nullable()
})

const searchArticles = /*#__PURE__*/ defineTool({
  name: SEARCH_ARTICLES,
  api: 'v1',
  title: 'Search the Kayako help center (v1)',
  description:
    "Searches the Kayako (v1) help center's articles, best match first, each with an excerpt and its public link. Use it to " +
    'find documentation to answer a customer or to link in a reply; read one in full with v1_get_article. To search ' +
    'cases, users and articles at once use v1_search.',
  input: {
    query: z.string().trim().min(1).describe('The words to find.'),
    limit: limitArg,
    cursor: cursorArg
  },
  output: pageShape(hitSchema),
  access: 'read',
  annotations: READ,
  run: async (args, apis) => {
    const { limit, cursor, ...filters } = args
    const at = resume(SEARCH_ARTICLES, cursor, filters)
    if (E.isLeft(at)) return at
    const f = at.right.filters as typeof filters
    const request = Article.search({ query: f.query, offset: at.right.offset ?? 0, limit })
    const answer = await attempt(apis.v1(request))
    if (E.isLeft(answer)) return answer
    const items = answer.right.items.map((h) => {
      const id = h.original === null ? null : isReference(h.original) ? h.original.id : h.original.id
      return { id: typeof id === 'number' ? id : null, title: h.title, excerpt: excerpt(plain(h.contents)), link: h.link, updatedAt: iso(h.updatedAt) }
    })
    const structured = envelope(at.right, request.query, answer.right, items)
    const lines =
      items.length === 0
        ? [`No article found for "${f.query}". Try fewer or other words.`]
        : items.map((a) => `article #${a.id ?? '?'} ${a.title}${a.link === null ? '' : ` <${a.link}>`}\n  ${a.excerpt}`)
    return E.right({ structured, text: capText([...lines, '', moreText(structured.next, answer.right.totalCount, items.length)].join('\n')) })
  }
})

const getArticleOutput = {
  id: z.number(),
  title: z.string().nullable(),
  contents: z.string().nullable().describe('The text, plain (HTML converted).'),
  locale: z.string().nullable().describe('The locale of the text answered: the one asked for, else another of its language, else the default.'),
  locales: z.array(z.string()).describe('Every locale the article is written in.'),
  status: z.string().nullable().describe('PUBLISHED (shown in the help center) or DRAFT.'),
  sectionId: z.number().nullable(),
  keywords: z.string().nullable(),
  updatedAt: z.string().nullable(),
  publishedAt: z.string().nullable()
}

const getArticle = /*#__PURE__*/ defineTool({
  name: 'v1_get_article',
  api: 'v1',
  title: 'Get a Kayako help-center article (v1)',
  description:
    'One help-center article of the Kayako (v1) helpdesk in full, in the language asked for (else another locale of the ' +
    `same language, else ${DEFAULT_LOCALE}), as plain text. Use it to quote or summarise documentation; find the id with ` +
    'v1_search_articles.',
  input: {
    articleId: z.number().int().positive(),
    locale: z
      .string()
      .trim()
      .min(2)
      .optional()
      .describe(`A locale code such as "de" or "en-us" (default ${DEFAULT_LOCALE}; a customer's locale comes with v1_get_user).`)
  },
  output: getArticleOutput,
  access: 'read',
  annotations: READ,
  run: async (args, apis) => {
    const article = await attempt(apis.v1(Article.get(args.articleId, ['localeField'])))
    if (E.isLeft(article)) return article
    const a = article.right
    const localised = localiseArticle(a, args.locale ?? DEFAULT_LOCALE)
    const titles = a.titles.flatMap((t) => (isReference(t) || t.locale === null ? [] : [t]))
    const locale = titles.find((t) => t.translation === localised.title)?.locale ?? null
    const sectionId = a.section === null ? null : isReference(a.section) ? a.section.id : a.section.id
    const structured = {
      id: a.id,
      title: localised.title,
      contents: localised.contents === null ? null : plain(localised.contents),
      locale,
      locales: titles.map((t) => t.locale ?? ''),
      status: a.status,
      sectionId: typeof sectionId === 'number' ? sectionId : null,
      keywords: a.keywords,
      updatedAt: iso(a.updatedAt),
      publishedAt: iso(a.publishedAt)
    }
    const text = [
      `article #${a.id} ${structured.title ?? '(no title)'} [${structured.locale ?? '?'}; also ${structured.locales.join(', ') || '-'}] ${structured.status ?? ''}`.trim(),
      '',
      structured.contents ?? '(no contents in any locale)'
    ].join('\n')
    return E.right({ structured, text: capText(text, 'The article is longer than one answer holds: quote the part you need.') })
  }
})

export const HELPCENTER_TOOLS = [searchArticles, getArticle] as const
