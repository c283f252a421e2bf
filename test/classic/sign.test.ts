import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { randomSalt, signature } from '../../src/classic/internal/sign'

test('signature: vector secret/salt', async () => {
  assert.is(await signature('secret', 'salt'), 'hoVxX2132GWCjsm3bNMpI+Ooszpn2oRRM+IEMU9rsQs=')
})

test('signature: UTF-8 key and message', async () => {
  assert.is(await signature('é-ünïcode', '1234567890'), 'k9spjeAgQTMLMvDBs0AQorz1njrljyP1MXyZ1pY4tvQ=')
})

test('randomSalt: 32 alphanumerics, different each time', () => {
  const a = randomSalt()
  const b = randomSalt()
  assert.match(a, /^[A-Za-z0-9]{32}$/)
  assert.is.not(a, b)
  assert.match(randomSalt(7), /^[A-Za-z0-9]{7}$/)
})

test.run()
