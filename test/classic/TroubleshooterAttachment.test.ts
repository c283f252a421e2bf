// TroubleshooterAttachment: the requests its builders describe (the behaviour shared with the other attachment module is in contentAttachments.test.ts).
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as TroubleshooterAttachment from '../../src/classic/TroubleshooterAttachment'
import { paths } from './contentSupport'

test('TroubleshooterAttachment: post is a POST to /Troubleshooter/Attachment with the step as troubleshooterstepid and the bytes as Base64', () => {
  const post = TroubleshooterAttachment.post(4, { fileName: 'hello.txt', contents: new TextEncoder().encode('Hello, Kayako!\n') })
  assert.equal(
    [post.operation, post.method, post.route, post.files, post.issues],
    ['TroubleshooterAttachment.post', 'POST', '/Troubleshooter/Attachment', [], []]
  )
  assert.equal(post.form, [
    ['troubleshooterstepid', '4'],
    ['filename', 'hello.txt'],
    ['contents', 'SGVsbG8sIEtheWFrbyEK']
  ])
  assert.equal(paths(TroubleshooterAttachment.post(0, { fileName: ' ', contents: new Uint8Array(0) })), ['troubleshooterStepId', 'fileName', 'contents'])
})

test('TroubleshooterAttachment: get and delete address the attachment under its step; an id below 1 is an issue', () => {
  assert.equal([TroubleshooterAttachment.delete(4, 9).method, TroubleshooterAttachment.delete(4, 9).route], ['DELETE', '/Troubleshooter/Attachment/4/9'])
  assert.equal(paths(TroubleshooterAttachment.get(0, -1)), ['troubleshooterStepId', 'id'])
})

test.run()
