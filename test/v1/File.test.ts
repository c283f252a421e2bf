// File builders: the issues found before sending.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as File from '../../src/v1/File'
import { wire } from './builderSupport'

test('File.upload checks its input', () => {
  assert.equal(wire(File.upload({ filename: '', contentType: 'png', data: 'x' as never })).issues, [
    'filename: is required and must not be blank',
    'contentType: must be a MIME type such as image/png',
    'data: must be a Uint8Array'
  ])
})

test.run()
