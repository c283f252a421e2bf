// Finding 3 of issue 11: a decoder that meets any element or key name decodes or fails with a DecodeError. Names of
// Object.prototype properties (`constructor`, `__proto__`, `toString`, `hasOwnProperty`, `valueOf`) are put into every
// real body of every Classic and v1 decoder: as extra children and attributes, and in place of each element name.
import * as E from 'fp-ts/Either'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { classic } from '../../src/classic/internal/executor'
import type { HttpResponse, Transport } from '../../src/core/http'
import { v1 } from '../../src/v1/internal/executor'
import { classicDecoderCases, type DecoderCase } from '../support/classicCases'
import { v1DecoderCases, type V1DecoderCase } from '../support/v1Cases'

const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__']

let classicCases: ReadonlyArray<DecoderCase> = []
let v1Cases: ReadonlyArray<V1DecoderCase> = []
test.before(async () => {
  classicCases = await classicDecoderCases()
  v1Cases = await v1DecoderCases()
})

let body = ''
const transport: Transport = () => async () => E.right<never, HttpResponse>({ status: 200, headers: {}, body })
const runClassic = classic({ url: 'https://h/api/index.php', apiKey: 'k', secretKey: 's', salt: () => 'salt', transport })
const runV1 = v1({ url: 'https://h.kayako.com', auth: { sessionId: 'S', csrfToken: 'C' }, transport })

const tally = (tags: Map<string, number>, result: E.Either<{ readonly _tag: string }, unknown>): string => {
  const tag = E.isRight(result) ? 'Right' : result.left._tag
  tags.set(tag, (tags.get(tag) ?? 0) + 1)
  return tag
}

const CHILDREN = NAMES.map((n, i) => `<${n}>${i}</${n}>`).join('') + '<toString/>'
const ATTRIBUTES = ' constructor="1" toString="2" hasOwnProperty="3"'

test('Classic: prototype-named children and attributes in every element of every real body', async () => {
  const tags = new Map<string, number>()
  for (const c of classicCases) {
    for (const fixture of c.fixtures) {
      const start = fixture.indexOf('<?xml')
      // after every start tag whose content is elements (a container), and as attributes of every start tag
      body =
        fixture.slice(0, start) +
        fixture
          .slice(start)
          .replace(/<([A-Za-z][\w-]*)((?:\s[^<>]*?)?)(\/?)>(?=\s*<[A-Za-z])/g, (_, name: string, attrs: string, slash: string) =>
            slash === '' ? `<${name}${attrs}${ATTRIBUTES}>${CHILDREN}` : `<${name}${attrs}${ATTRIBUTES}/>`
          )
      const result = await runClassic(c.request)()
      const tag = tally(tags, result)
      assert.ok(tag === 'Right' || tag === 'DecodeError', `${c.operation}: ${JSON.stringify(E.isLeft(result) ? result.left : '').slice(0, 300)}`)
    }
  }
  assert.ok((tags.get('Right') ?? 0) > 50, JSON.stringify([...tags]))
})

test('Classic: each element name in turn replaced by a prototype name', async () => {
  const tags = new Map<string, number>()
  let n = 0
  for (const c of classicCases) {
    const fixture = c.fixtures[0] as string
    const names = new Set([...fixture.matchAll(/<([A-Za-z][\w-]*)/g)].map((m) => m[1] as string))
    for (const name of names) {
      const replacement = NAMES[n++ % NAMES.length] as string
      body = fixture.replace(new RegExp(`<(/?)${name}(?=[\\s/>])`, 'g'), `<$1${replacement}`)
      const result = await runClassic(c.request)()
      const tag = tally(tags, result)
      assert.ok(
        tag === 'Right' || tag === 'DecodeError',
        `${c.operation}, <${name}> → <${replacement}>: ${JSON.stringify(E.isLeft(result) ? result.left : '').slice(0, 300)}`
      )
    }
  }
  assert.ok((tags.get('Right') ?? 0) > 50 && (tags.get('DecodeError') ?? 0) > 50, JSON.stringify([...tags]))
})

/** Every object of a JSON value with the prototype-named keys added (as own properties, `__proto__` included). */
const withNames = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withNames)
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = withNames(v)
  for (const name of NAMES) Object.defineProperty(out, name, { value: name === '__proto__' ? { id: 1, title: 'inherited?' } : name, enumerable: true })
  return out
}

test('v1: prototype-named keys in every object of every real body', async () => {
  const tags = new Map<string, number>()
  for (const c of v1Cases) {
    for (const raw of c.bodies) {
      body = JSON.stringify(withNames(JSON.parse(raw)))
      assert.ok(body.includes('"__proto__":{"id":1'), 'the key is in the text')
      const result = await runV1(c.request)()
      const tag = tally(tags, result)
      assert.ok(tag === 'Right' || tag === 'DecodeError', `${c.operation}: ${JSON.stringify(E.isLeft(result) ? result.left : '').slice(0, 300)}`)
      // nothing read through a prototype the server set: the value is only ever kept as data, under its own key
      if (E.isRight(result)) {
        const text = (JSON.stringify(result.right) ?? '').replaceAll('"__proto__":{"id":1,"title":"inherited?"}', '')
        assert.not.ok(text.includes('inherited?'), c.operation)
      }
    }
  }
  assert.ok((tags.get('Right') ?? 0) > 50, JSON.stringify([...tags]))
})

test.run()
