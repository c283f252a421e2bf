/**
 * The Classic knowledge base. The Classic API has no article search (4.98.8 `__apps/knowledgebase/api/` offers
 * lists by category only), so the search reads every article once (`GET /Knowledgebase/Article`, full contents) and
 * matches the words here.
 */
import { z } from 'zod'
import * as E from '../../core/either'
import * as KnowledgebaseArticle from '../../classic/KnowledgebaseArticle'
import { offsetOf } from '../cursor'
import { attempt } from '../errors'
import { cursorArg, htmlToText, iso, limitArg, pageShape, slice } from '../format'
import { defineTool, READ } from '../tool'

const STATUS_NAMES: Readonly<Record<number, string>> = { 1: 'published', 2: 'draft', 3: 'pending approval' }

const articleSummary = /*#__PURE__*/ (() =>
  z.object({
    id: z.number().int(),
    subject: z.string(),
    status: z.string(),
    categoryIds: z.array(z.number().int()),
    excerpt: z.string().describe('The start of the article as plain text.'),
    isFeatured: z.boolean(),
    views: z.number().int(),
    createdAt: z.string().nullable()
  }))()

type ArticleSummary = z.infer<typeof articleSummary>

const plainText = (a: KnowledgebaseArticle.KnowledgebaseArticle): string => (a.contentsText.trim() !== '' ? a.contentsText : htmlToText(a.contents))

const summaryOf = (a: KnowledgebaseArticle.KnowledgebaseArticle): ArticleSummary => {
  const text = plainText(a).replace(/\s+/g, ' ').trim()
  return {
    id: a.id,
    subject: a.subject,
    status: STATUS_NAMES[a.articleStatus] ?? String(a.articleStatus),
    categoryIds: [...a.categoryIds],
    excerpt: text.length > 300 ? text.slice(0, 300) + '…' : text,
    isFeatured: a.isFeatured,
    views: a.views,
    createdAt: iso(a.dateline)
  }
}

/** Every word of the query in the subject or text; subject hits first, then featured, then most viewed. */
const matching = (
  articles: ReadonlyArray<KnowledgebaseArticle.KnowledgebaseArticle>,
  query: string
): ReadonlyArray<KnowledgebaseArticle.KnowledgebaseArticle> => {
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '')
  const scored = articles.flatMap((a) => {
    const subject = a.subject.toLowerCase()
    const body = plainText(a).toLowerCase()
    if (!words.every((w) => subject.includes(w) || body.includes(w))) return []
    return [{ a, score: words.filter((w) => subject.includes(w)).length }]
  })
  return scored.sort((x, y) => y.score - x.score || Number(y.a.isFeatured) - Number(x.a.isFeatured) || y.a.views - x.a.views).map((s) => s.a)
}

export const searchKnowledgebase = /*#__PURE__*/ (() =>
  defineTool({
    name: 'classic_search_knowledgebase',
    api: 'classic',
    title: 'Search the Classic knowledge base',
    description:
      'Finds Kayako Classic knowledge-base articles containing every word of the query (subject or text), published ' +
      'ones only unless asked. Use it to find an answer to cite or link in a reply; then classic_get_article for the full text.',
    input: {
      query: z.string().min(1).describe('Words the article must contain.'),
      includeUnpublished: z.boolean().default(false).describe('Also drafts and articles pending approval (for agents only).'),
      limit: limitArg(10, 50),
      cursor: cursorArg
    },
    output: pageShape(articleSummary),
    access: 'read',
    annotations: READ,
    run: async (args, { classic }) => {
      const offset = offsetOf('classic_search_knowledgebase', args.cursor)
      if (E.isLeft(offset)) return offset
      const listed = await attempt(classic(KnowledgebaseArticle.all()))
      if (E.isLeft(listed)) return listed
      const candidates = args.includeUnpublished ? listed.right : listed.right.filter((a) => a.articleStatus === KnowledgebaseArticle.ArticleStatus.published)
      const result = slice('classic_search_knowledgebase', matching(candidates, args.query).map(summaryOf), offset.right, args.limit)
      const text =
        result.items.length === 0
          ? `No ${args.includeUnpublished ? '' : 'published '}article contains every word of "${args.query}". Try fewer or other words.`
          : [
              ...result.items.map((a) => `#${a.id} ${a.subject}${a.status === 'published' ? '' : ` [${a.status}]`}\n  ${a.excerpt}`),
              result.next === null ? '(last page)' : '(more: call again with `cursor` set to `next`)'
            ].join('\n')
      return E.right({ structured: result, text })
    }
  }))()

export const getArticle = /*#__PURE__*/ (() =>
  defineTool({
    name: 'classic_get_article',
    api: 'classic',
    title: 'Get a Classic knowledge-base article',
    description: 'One Kayako Classic knowledge-base article in full (HTML and plain text), by id from classic_search_knowledgebase.',
    input: { articleId: z.number().int().positive() },
    output: { article: articleSummary.extend({ contentsHtml: z.string(), contentsText: z.string() }) },
    access: 'read',
    annotations: READ,
    run: async (args, { classic }) => {
      const found = await attempt(classic(KnowledgebaseArticle.get(args.articleId)))
      if (E.isLeft(found)) return found
      if (found.right._tag === 'None')
        return E.left({
          kind: 'NotFound',
          message: `No knowledge-base article has the id ${args.articleId}.`,
          hint: 'Find articles with classic_search_knowledgebase.'
        })
      const a = found.right.value
      const contentsText = htmlToText(a.contents)
      const article = { ...summaryOf(a), contentsHtml: a.contents, contentsText }
      return E.right({ structured: { article }, text: `#${a.id} ${a.subject} (${article.status})\n\n${contentsText}` })
    }
  }))()
