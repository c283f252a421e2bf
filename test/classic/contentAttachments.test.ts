// KnowledgebaseAttachment and TroubleshooterAttachment: same server code, different parents (spec §1.7).
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as KnowledgebaseAttachment from '../../src/classic/KnowledgebaseAttachment'
import * as TroubleshooterAttachment from '../../src/classic/TroubleshooterAttachment'
import type { ClassicRequest } from '../../src/classic/internal/request'
import { bodyText, unwrap, unwrapLeft } from '../support/transport'
import { apiErrorOf, decode, decodeWith, described, document, item, paths, runCanned } from './contentSupport'

interface AttachmentLike {
  readonly id: number
  readonly fileName: string
  readonly fileSize: number
  readonly fileType: string
  readonly dateline: Date | null
  readonly contents: Uint8Array
  readonly extra: object
}

interface Case {
  readonly name: string
  readonly route: string
  readonly root: string
  readonly element: string
  readonly parentField: string
  readonly parentKey: string
  readonly wrongParent: string
  readonly module: {
    all: (parent: number) => ClassicRequest<ReadonlyArray<AttachmentLike>>
    get: (parent: number, id: number) => ClassicRequest<AttachmentLike>
    post: (parentId: number, input: never) => ClassicRequest<AttachmentLike>
    delete: (parent: number, id: number) => ClassicRequest<void>
    find: unknown
    save: unknown
    destroy: unknown
  }
}

const CASES: ReadonlyArray<Case> = [
  {
    name: 'KnowledgebaseAttachment',
    route: '/Knowledgebase/Attachment',
    root: 'kbattachments',
    element: 'kbattachment',
    parentField: 'kbarticleid',
    parentKey: 'kbArticleId',
    wrongParent: 'Attachment does not belong to the specified article',
    module: KnowledgebaseAttachment
  },
  {
    name: 'TroubleshooterAttachment',
    route: '/Troubleshooter/Attachment',
    root: 'troubleshooterattachments',
    element: 'troubleshooterattachment',
    parentField: 'troubleshooterstepid',
    parentKey: 'troubleshooterStepId',
    wrongParent: 'Attachment does not belong to the specified step',
    module: TroubleshooterAttachment
  }
]

// "Hello, Kayako!\n" and a few bytes that are not text.
const HELLO = new TextEncoder().encode('Hello, Kayako!\n')
const BINARY = new Uint8Array([0, 255, 128, 10, 13])

const attachmentXml = (c: Case, id: number, contents: string) =>
  item(c.element, { id, [c.parentField]: 4, filename: 'hello.txt', filesize: 15, filetype: 'text/plain', dateline: 1700000000, contents })

for (const c of CASES) {
  const M = c.module

  test(`${c.name}: all/get/delete descriptions (the parent is in every route)`, () => {
    assert.equal(described(M.all(4)), { operation: `${c.name}.all`, method: 'GET', route: `${c.route}/ListAll/4`, query: [], form: [], files: [], issues: [] })
    assert.equal([M.get(4, 9).method, M.get(4, 9).route], ['GET', `${c.route}/4/9`])
    assert.equal([M.delete(4, 9).method, M.delete(4, 9).route, M.delete(4, 9).response._tag], ['DELETE', `${c.route}/4/9`, 'Void'])
    assert.equal(paths(M.all(0)), [c.parentKey])
    assert.equal(paths(M.get(0, -1)), [c.parentKey, 'id'])
    assert.equal(paths(M.delete(1, 0)), ['id'])
    assert.not.ok('put' in M)
  })

  test(`${c.name}: post sends the bytes as Base64 in a form field`, () => {
    const post = M.post(4, { fileName: 'hello.txt', contents: HELLO } as never)
    assert.equal([post.method, post.route, post.files, post.issues], ['POST', c.route, [], []])
    assert.equal(post.form, [
      [c.parentField, '4'],
      ['filename', 'hello.txt'],
      ['contents', 'SGVsbG8sIEtheWFrbyEK']
    ])
    assert.equal(paths(M.post(0, { fileName: ' ', contents: new Uint8Array(0) } as never)), [c.parentKey, 'fileName', 'contents'])
    assert.equal(paths(M.post(1, { fileName: 'a', contents: [1, 2] } as never)), ['contents'])
    assert.equal(
      M.post(1, { fileName: 'a.txt', contents: 'Hello, Kayako!\n' } as never).form.at(-1),
      ['contents', 'SGVsbG8sIEtheWFrbyEK'],
      'text is sent as UTF-8'
    )
  })

  test(`${c.name}: decodes attachments with their contents as bytes (Base64 with line breaks too)`, () => {
    const body = document(c.root, [attachmentXml(c, 1, 'SGVsbG8sIEtheWFr\nbyEK'), attachmentXml(c, 2, 'AP+ACg0=')])
    const [a, b] = decode(M.all(4), body) as ReadonlyArray<AttachmentLike & Record<string, unknown>>
    assert.equal(
      [a?.id, a?.[c.parentKey], a?.fileName, a?.fileSize, a?.fileType, a?.dateline?.getTime(), a?.extra],
      [1, 4, 'hello.txt', 15, 'text/plain', 1700000000000, {}]
    )
    assert.equal([...(a?.contents ?? [])], [...HELLO])
    assert.equal([...(b?.contents ?? [])], [...BINARY])
    assert.is(decode(M.get(4, 1), body).id, 1)
    assert.is(decode(M.post(4, { fileName: 'hello.txt', contents: HELLO } as never), body).fileName, 'hello.txt')
    unwrapLeft(decodeWith(M.get(4, 1), document(c.root, [])))
    unwrapLeft(decodeWith(M.all(4), document(c.root, [attachmentXml(c, 3, '*not base64*')])))
  })

  test(`${c.name}: 404 and 400 texts arrive as ApiError`, async () => {
    assert.equal(await apiErrorOf(M.get(4, 9), 404, 'Attachment not Found'), ['ApiError', 404, ['Attachment not Found']])
    assert.equal(await apiErrorOf(M.get(4, 9), 404, c.wrongParent), ['ApiError', 404, [c.wrongParent]])
    assert.equal(await apiErrorOf(M.delete(4, 9), 400, 'Attachment does not belong to the specified article'), [
      'ApiError',
      400,
      ['Attachment does not belong to the specified article']
    ])
    const { result, sent } = await runCanned(M.post(4, { fileName: 'hello.txt', contents: HELLO } as never), {
      body: document(c.root, [attachmentXml(c, 1, 'SGVsbG8sIEtheWFrbyEK')])
    })
    assert.is(unwrap(result).id, 1)
    assert.match(bodyText(sent[0]), 'contents=SGVsbG8sIEtheWFrbyEK&apikey=KEY')
  })
}

test.run()
