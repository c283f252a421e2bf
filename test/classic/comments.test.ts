// The three comment modules (KnowledgebaseComment, NewsComment, TroubleshooterComment): same server code, different
// names for the parent (spec kb-news-troubleshooter §1.6).
import * as O from 'fp-ts/Option'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as KnowledgebaseComment from '../../src/classic/KnowledgebaseComment'
import * as NewsComment from '../../src/classic/NewsComment'
import * as TroubleshooterComment from '../../src/classic/TroubleshooterComment'
import type { ClassicRequest } from '../../src/classic/internal/request'
import { CommentCreatorType, CommentStatus } from '../../src/classic/internal/comments'
import { unwrapLeft } from '../support/transport'
import { apiErrorOf, decode, decodeWith, described, document, item, paths, runCanned } from './contentSupport'

interface CommentLike {
  readonly id: number
  readonly creatorType: string
  readonly commentStatus: string
  readonly dateline: Date | null
  readonly extra: object
}

interface Case {
  readonly name: string
  readonly route: string
  readonly root: string
  readonly element: string
  /** The parent element in the XML and the entity key. */
  readonly xmlParent: string
  readonly parentKey: string
  /** The parent field the server reads on POST. */
  readonly formParent: string
  readonly module: {
    all: (parent?: number) => ClassicRequest<ReadonlyArray<CommentLike>>
    get: (id: number) => ClassicRequest<O.Option<CommentLike>>
    post: (parentId: number, input: never) => ClassicRequest<CommentLike>
    delete: (id: number) => ClassicRequest<void>
    find: unknown
    save: unknown
    destroy: unknown
  }
}

const CASES: ReadonlyArray<Case> = [
  {
    name: 'KnowledgebaseComment',
    route: '/Knowledgebase/Comment',
    root: 'kbarticlecomments',
    element: 'kbarticlecomment',
    xmlParent: 'kbarticleid',
    parentKey: 'kbArticleId',
    formParent: 'knowledgebasearticleid',
    module: KnowledgebaseComment as unknown as Case['module']
  },
  {
    name: 'NewsComment',
    route: '/News/Comment',
    root: 'newsitemcomments',
    element: 'newsitemcomment',
    xmlParent: 'newsitemid',
    parentKey: 'newsItemId',
    formParent: 'newsitemid',
    module: NewsComment as unknown as Case['module']
  },
  {
    name: 'TroubleshooterComment',
    route: '/Troubleshooter/Comment',
    root: 'troubleshooterstepcomments',
    element: 'troubleshooterstepcomment',
    xmlParent: 'troubleshooterstepid',
    parentKey: 'troubleshooterStepId',
    formParent: 'troubleshooterstepid',
    module: TroubleshooterComment as unknown as Case['module']
  }
]

const commentXml = (c: Case, id: number, over: Record<string, string | number> = {}) =>
  item(c.element, {
    id,
    [c.xmlParent]: 3,
    creatortype: 2,
    creatorid: 0,
    fullname: 'Guest Reader',
    email: 'reader@example.com',
    ipaddress: '203.0.113.9',
    dateline: 1700000000,
    parentcommentid: 0,
    commentstatus: 1,
    useragent: 'kayako-fp',
    referrer: '',
    parenturl: 'https://help.example.com/index.php?/x',
    contents: 'Thanks & <b>more</b>',
    ...over
  })

for (const c of CASES) {
  const M = c.module

  test(`${c.name}: all, all(parent), get, delete descriptions`, () => {
    assert.equal(described(M.all()), { operation: `${c.name}.all`, method: 'GET', route: c.route, query: [], form: [], files: [], issues: [] })
    assert.is(M.all(3).route, `${c.route}/ListAll/3`)
    assert.equal(paths(M.all(0)), [c.parentKey])
    assert.equal([M.get(8).method, M.get(8).route], ['GET', `${c.route}/8`])
    assert.equal([M.delete(8).method, M.delete(8).route, M.delete(8).response._tag], ['DELETE', `${c.route}/8`, 'Void'])
    assert.equal(paths(M.get(0)), ['id'])
    assert.not.ok('put' in M, 'the server has no update (it answers "Put not implemented")')
  })

  test(`${c.name}: post sends the parent as ${c.formParent} and the creator type as its code`, () => {
    const staff = M.post(3, { contents: 'Hello', creatorType: CommentCreatorType.staff, creatorId: 1 } as never)
    assert.equal([staff.method, staff.route, staff.issues], ['POST', c.route, []])
    assert.equal(staff.form, [
      ['contents', 'Hello'],
      [c.formParent, '3'],
      ['creatortype', '1'],
      ['creatorid', '1']
    ])
    const guest = M.post(3, { contents: 'Hi', creatorType: CommentCreatorType.user, fullName: 'Guest', email: 'g@example.com', parentCommentId: 4 } as never)
    assert.equal(guest.form, [
      ['contents', 'Hi'],
      [c.formParent, '3'],
      ['creatortype', '2'],
      ['fullname', 'Guest'],
      ['email', 'g@example.com'],
      ['parentcommentid', '4']
    ])
  })

  test(`${c.name}: post validation`, () => {
    assert.equal(paths(M.post(0, { contents: ' ', creatorType: 3 } as never)), [c.parentKey, 'contents', 'creatorType'])
    assert.equal(paths(M.post(1, { contents: 'x', creatorType: CommentCreatorType.staff } as never)), ['creatorId'])
    assert.equal(paths(M.post(1, { contents: 'x', creatorType: CommentCreatorType.user } as never)), ['fullName'])
    assert.equal(paths(M.post(1, { contents: 'x', creatorType: CommentCreatorType.user, creatorId: 5 } as never)), [])
    assert.equal(paths(M.post(1, undefined as never)), ['input'])
  })

  test(`${c.name}: decodes the server's comments`, () => {
    const body = document(
      c.root,
      [commentXml(c, 1), commentXml(c, 2, { creatortype: 1, creatorid: 4, commentstatus: 3, parentcommentid: 1, useragent: '', note: 'new' })],
      'Comments'
    )
    const [a, b] = decode(M.all(3), body) as ReadonlyArray<CommentLike & Record<string, unknown>>
    assert.equal(
      [
        a?.id,
        a?.[c.parentKey],
        a?.creatorType,
        a?.creatorId,
        a?.fullName,
        a?.email,
        a?.ipAddress,
        a?.dateline?.getTime(),
        a?.parentCommentId,
        a?.commentStatus
      ],
      [1, 3, CommentCreatorType.user, 0, 'Guest Reader', 'reader@example.com', '203.0.113.9', 1700000000000, 0, CommentStatus.pending]
    )
    assert.equal(
      [a?.userAgent, a?.referrer, a?.parentUrl, a?.contents, a?.extra],
      ['kayako-fp', '', 'https://help.example.com/index.php?/x', 'Thanks & <b>more</b>', {}]
    )
    assert.equal(
      [b?.creatorType, b?.creatorId, b?.commentStatus, b?.parentCommentId, b?.userAgent, Object.keys(b?.extra ?? {})],
      [CommentCreatorType.staff, 4, CommentStatus.spam, 1, '', ['note']]
    )
    const one = decode(M.get(1), body)
    assert.ok(O.isSome(one) && one.value.id === 1)
    assert.equal(decode(M.get(1), document(c.root, [])), O.none)
    unwrapLeft(decodeWith(M.all(), document(c.root, [commentXml(c, 1, { commentstatus: 'approved' })])))
  })

  test(`${c.name}: server refusals are ApiErrors; "Put not implemented" cannot be asked for`, async () => {
    const post = M.post(3, { contents: 'Hello', creatorType: CommentCreatorType.staff, creatorId: 1 } as never)
    assert.equal(await apiErrorOf(post, 400, `Invalid ${c.xmlParent === 'kbarticleid' ? 'knowledgebasearticleid' : c.xmlParent}`), [
      'ApiError',
      400,
      [`Invalid ${c.formParent}`]
    ])
    const { result, sent } = await runCanned(M.delete(77), { body: '' })
    assert.equal([result._tag, sent[0]?.method], ['Right', 'DELETE'])
  })
}

test.run()
