// Signers: the WebCrypto default (key imported once, a failed import retried), and a custom signer in the executor.
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import * as Department from '../../src/classic/Department'
import { classic } from '../../src/classic/internal/executor'
import { randomSalt } from '../../src/classic/internal/sign'
import { webCryptoSigner, type Signer } from '../../src/classic/internal/signer'
import { canned, unwrap, unwrapLeft } from '../support/transport'

const signer = suite('signer')

const XML = '<?xml version="1.0" encoding="UTF-8"?><departments></departments>'

signer('webCryptoSigner imports the key once and signs like the spec vector', async () => {
  const subtle = crypto.subtle
  const original = subtle.importKey.bind(subtle)
  let imports = 0
  subtle.importKey = ((...args: Parameters<typeof original>) => {
    imports++
    return original(...args)
  }) as typeof subtle.importKey
  try {
    const sign = webCryptoSigner('secret')
    assert.is(await sign('salt'), 'hoVxX2132GWCjsm3bNMpI+Ooszpn2oRRM+IEMU9rsQs=')
    await Promise.all([sign('a'), sign('b'), sign('c')])
    assert.is(imports, 1)
  } finally {
    subtle.importKey = original
  }
})

signer('webCryptoSigner retries the import after a failure; the executor answers that failure as a scrubbed ValidationError (nothing was sent)', async () => {
  const subtle = crypto.subtle
  const original = subtle.importKey.bind(subtle)
  let failures = 1
  subtle.importKey = ((...args: Parameters<typeof original>) =>
    failures-- > 0 ? Promise.reject(new Error('no key for very-secret-key')) : original(...args)) as typeof subtle.importKey
  try {
    const { transport, sent } = canned({ body: XML })
    const run = classic({ url: 'https://h/api/index.php', apiKey: 'the-api-key', secretKey: 'very-secret-key', transport })
    const failed = unwrapLeft(await run(Department.all())())
    assert.ok(failed._tag === 'ValidationError' && failed.issues[0]?.path === 'config.signer', JSON.stringify(failed))
    assert.not.match(JSON.stringify(failed), /very-secret-key/)
    assert.is(sent.length, 0)
    assert.equal(unwrap(await run(Department.all())()), [])
    assert.is(sent.length, 1)
  } finally {
    subtle.importKey = original
  }
})

signer('a custom signer is made once per executor from the secret key and signs every salt', async () => {
  const made: Array<string> = []
  const upper: Signer = (secretKey) => {
    made.push(secretKey)
    return (salt) => `${salt.toUpperCase()}+`
  }
  const { transport, sent } = canned({ body: XML })
  const run = classic({ url: 'https://h/api/index.php', apiKey: 'k', secretKey: 'sk-123', salt: () => 'abc', signer: upper, transport })
  await run(Department.all())()
  await run(Department.get(2))()
  assert.equal(made, ['sk-123'])
  assert.equal(
    sent.map((r) => r.url),
    [
      'https://h/api/index.php?e=/Base/Department&apikey=k&salt=abc&signature=ABC%2B',
      'https://h/api/index.php?e=/Base/Department/2&apikey=k&salt=abc&signature=ABC%2B'
    ]
  )
})

signer('randomSalt across many pool refills: distinct salts, every alphanumeric used about equally', () => {
  const salts = Array.from({ length: 2000 }, () => randomSalt())
  assert.is(new Set(salts).size, 2000)
  const counts = new Map<string, number>()
  for (const c of salts.join('')) counts.set(c, (counts.get(c) ?? 0) + 1)
  assert.is(counts.size, 62)
  // 64,000 characters: about 1,032 of each; the bounds are more than 10 standard deviations wide.
  for (const [c, n] of counts) assert.ok(n > 700 && n < 1400, `${c}: ${n}`)
})

signer.run()
