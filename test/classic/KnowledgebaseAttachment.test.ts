// KnowledgebaseAttachment: the requests its builders describe (the behaviour shared with the other attachment module is in contentAttachments.test.ts).
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as KnowledgebaseAttachment from '../../src/classic/KnowledgebaseAttachment'
import { paths } from './contentSupport'

test('KnowledgebaseAttachment: post is a POST to /Knowledgebase/Attachment with the article as kbarticleid and the bytes as Base64', () => {
  const post = KnowledgebaseAttachment.post(4, { fileName: 'hello.txt', contents: new TextEncoder().encode('Hello, Kayako!\n') })
  assert.equal(
    [post.operation, post.method, post.route, post.files, post.issues],
    ['KnowledgebaseAttachment.post', 'POST', '/Knowledgebase/Attachment', [], []]
  )
  assert.equal(post.form, [
    ['kbarticleid', '4'],
    ['filename', 'hello.txt'],
    ['contents', 'SGVsbG8sIEtheWFrbyEK']
  ])
  assert.equal(paths(KnowledgebaseAttachment.post(0, { fileName: ' ', contents: new Uint8Array(0) })), ['kbArticleId', 'fileName', 'contents'])
})

test('KnowledgebaseAttachment: get and delete address the attachment under its article; an id below 1 is an issue', () => {
  assert.equal([KnowledgebaseAttachment.delete(4, 9).method, KnowledgebaseAttachment.delete(4, 9).route], ['DELETE', '/Knowledgebase/Attachment/4/9'])
  assert.equal(paths(KnowledgebaseAttachment.get(0, -1)), ['kbArticleId', 'id'])
})

test.run()
