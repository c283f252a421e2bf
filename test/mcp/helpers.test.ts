// The helpers every tool shares: tool errors from the library's failures, cursors, capped text, HTML as text.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve, sep } from 'node:path'
import { setupOf } from '../../src/cli/mcp'
import { CLASSIC_TOOLS } from '../../src/mcp/classic'
import { V1_TOOLS } from '../../src/mcp/v1'
import { apiError, decodeError, httpError, parseError, transportError, validationError } from '../../src/core/error'
import { decodeCursor, encodeCursor, offsetCursor, offsetOf } from '../../src/mcp/cursor'
import { toolError } from '../../src/mcp/errors'
import { capText, htmlToText, page, slice, TEXT_CAP } from '../../src/mcp/format'

const request = { method: 'GET', url: 'https://help.example/api/index.php?e=/Tickets/Ticket/1&apikey=[redacted]', headers: {} }

test('toolError: each library failure has its kind, the server words, a hint, and nothing of the request', () => {
  const cases = [
    [validationError('Ticket.get', [{ path: 'key', message: 'must be a positive integer' }]), 'ValidationError', /key: must be a positive integer/],
    [apiError('Ticket.get', 404, [{ message: 'Ticket not Found' }]), 'NotFound', /Ticket not Found/],
    [apiError('Case.get', 404, [{ code: 'RESOURCE_NOT_FOUND', message: 'Resource not found' }]), 'NotFound', /Resource not found/],
    [apiError('Case.all', 429, [{ code: 'RATE_LIMIT_REACHED', message: 'Too many requests' }]), 'RateLimited', /Too many requests/],
    [apiError('Department.all', 401, [{ message: 'Failed to authenticate' }]), 'ApiError', /Failed to authenticate/],
    [apiError('Case.put', 400, [{ code: 'FIELD_INVALID', message: 'Invalid status', parameter: 'status' }]), 'ApiError', /Invalid status/],
    [httpError('Department.all', request, 429, '<html>Too Many Requests</html>'), 'RateLimited', /HTTP 429/],
    [httpError('Department.all', request, 503, '<html>busy</html>'), 'HttpError', /HTTP 503/],
    [transportError('Department.all', request, 'ECONNRESET'), 'TransportError', /ECONNRESET/],
    [parseError('Department.all', 'not XML', '<b>Warning</b>'), 'ParseError', /not XML/],
    [decodeError('Department.all', ['departments[0].id: required']), 'DecodeError', /departments\[0\]\.id/]
  ] as const
  for (const [error, kind, message] of cases) {
    const tool = toolError(error)
    assert.is(tool.kind, kind, error._tag)
    assert.match(tool.message, message)
    assert.ok(tool.hint.length > 20)
    assert.not.match(JSON.stringify(tool), /help\.example|apikey/)
  }
  assert.is(toolError(apiError('Case.put', 400, [{ code: 'FIELD_INVALID', message: 'x' }])).code, 'FIELD_INVALID')
  assert.is(toolError(httpError('x', request, 429, ''), 30).retryAfterSeconds, 30)
})

test('cursors: any JSON value round-trips as base64url; an edited, foreign or garbage cursor is a ValidationError', () => {
  const value = { tool: 'classic_list_tickets', offset: 40, note: 'ünïcode/+' }
  const cursor = encodeCursor(value)
  assert.match(cursor, /^[A-Za-z0-9_-]+$/)
  assert.equal(decodeCursor(cursor), { _tag: 'Right', right: value })
  assert.equal(offsetOf('classic_list_tickets', encodeCursor(offsetCursor('classic_list_tickets', 40))), { _tag: 'Right', right: 40 })
  assert.equal(offsetOf('classic_list_tickets', undefined), { _tag: 'Right', right: 0 })
  for (const bad of [
    encodeCursor(offsetCursor('classic_search_users', 40)),
    encodeCursor({ tool: 'classic_list_tickets', offset: -1 }),
    encodeCursor({ tool: 'classic_list_tickets', offset: 1.5 }),
    'not a cursor',
    cursor.slice(0, -3),
    ''
  ]) {
    const result = offsetOf('classic_list_tickets', bad)
    assert.is(result._tag, 'Left', bad)
    if (result._tag === 'Left') assert.is(result.left.kind, 'ValidationError')
  }
})

test('page and slice: next is a cursor while items remain, null on the last page; a page copies its items', () => {
  assert.equal(page([1, 2], undefined), { items: [1, 2], next: null })
  // The page owns its items (they are a tool's structured answer as they are): the caller's array is not shared.
  const given: ReadonlyArray<number> = [1, 2]
  assert.is.not(page(given, undefined).items, given)
  const all = [1, 2, 3, 4, 5]
  const first = slice('t', all, 0, 2)
  assert.equal(first.items, [1, 2])
  assert.equal(offsetOf('t', first.next ?? undefined), { _tag: 'Right', right: 2 })
  const last = slice('t', all, 4, 2)
  assert.equal([last.items, last.next], [[5], null])
  assert.equal(slice('t', all, 3, 2).next, null)
})

test('capText: short texts unchanged; long ones cut to the cap with a note on how to narrow', () => {
  assert.is(capText('short'), 'short')
  const exact = 'x'.repeat(TEXT_CAP)
  assert.is(capText(exact), exact)
  const capped = capText('y'.repeat(TEXT_CAP * 3), 'Ask for fewer posts.')
  assert.is(capped.length, TEXT_CAP)
  assert.match(capped, /\[Cut at 25,000 of 75,000 characters\. Ask for fewer posts\. The structured content holds every field\.\]$/)
  assert.match(capText('z'.repeat(TEXT_CAP + 1)), /Narrow the query/)
})

test('htmlToText: blocks and breaks as lines, lists, links with their targets, entities, no scripts or tags', () => {
  const html =
    '<html><head><style>p{color:red}</style></head><body><p>Hello&nbsp;<b>John</b>,</p><p>Try these:<br>' +
    '<ul><li>Restart</li><li>Reset &amp; retry</li></ul></p><script>alert(1)</script>' +
    '<p>See <a href="https://kb.example/42">the article</a> or <a href="https://kb.example/7">https://kb.example/7</a>.</p>' +
    '<p>&lt;not a tag&gt; &#8364;5 &#x1F600; &bogus;</p><!-- hidden --></body></html>'
  assert.is(
    htmlToText(html),
    [
      'Hello John,',
      '',
      'Try these:',
      '',
      '- Restart',
      '- Reset & retry',
      '',
      'See the article (https://kb.example/42) or https://kb.example/7.',
      '',
      '<not a tag> €5 😀 &bogus;'
    ].join('\n')
  )
  assert.is(htmlToText('plain text stays'), 'plain text stays')
})

test('README: the MCP tool table lists every Classic tool with its access, and names every v1 tool', () => {
  const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8')
  const section = readme.slice(readme.indexOf('\n## MCP server\n'), readme.indexOf('\n## Recipes\n'))
  const rows = [...section.matchAll(/^\| `(classic_\w+)` \| Classic \| ([\w-]+) \|/gm)].map((m) => [m[1], m[2]])
  assert.equal(
    rows,
    CLASSIC_TOOLS.map((t) => [t.name, t.access])
  )
  for (const tool of V1_TOOLS) assert.ok(section.includes(`\`${tool.name}\``), `${tool.name} is not in the README`)
})

test('packaging: only kayako-fp/mcp and kayako mcp import the SDK or zod; the command loads them lazily', () => {
  const src = resolve(import.meta.dirname, '../../src')
  const files = (readdirSync(src, { recursive: true }) as Array<string>).filter((f) => f.endsWith('.ts'))
  const importers = files.filter((f) =>
    /from '(@modelcontextprotocol\/sdk|zod)[/']|import\('(@modelcontextprotocol\/sdk|zod)/.test(readFileSync(join(src, f), 'utf8'))
  )
  assert.ok(importers.length > 5)
  assert.equal(
    importers.filter((f) => !f.startsWith(`mcp${sep}`) && f !== join('cli', 'mcp.ts')),
    []
  )
  // The command module itself imports them only inside `loadSdk` (or as types), so `kayako --help` never needs them.
  const command = readFileSync(join(src, 'cli', 'mcp.ts'), 'utf8')
  assert.not.match(command, /^import (?!type )[^\n]*from '(@modelcontextprotocol\/sdk|zod|\.\.\/mcp\/)/m)
})

test('kayako mcp flags: they override the environment; every credential form of v1; the port is checked', () => {
  const env = { KAYAKO_URL: 'https://env.example/api/index.php', KAYAKO_API_KEY: 'k', KAYAKO_SECRET_KEY: 's' }
  assert.equal(setupOf(['--url', 'https://flag.example/api/index.php'], env).classic, {
    url: 'https://flag.example/api/index.php',
    apiKey: 'k',
    secretKey: 's'
  })
  assert.equal(setupOf([], { KAYAKO_V1_URL: 'https://v.example', KAYAKO_TOKEN: 't' }).v1, { url: 'https://v.example', auth: { bearer: 't' } })
  assert.equal(setupOf(['--session-id', 'abc'], { KAYAKO_V1_URL: 'https://v.example' }).v1?.auth, { sessionId: 'abc' })
  assert.equal(setupOf(['--v1-url', 'https://v.example', '--email', 'a@b.example', '--password', 'p'], {}).v1?.auth, { username: 'a@b.example', password: 'p' })
  assert.equal([setupOf([], {}).http, setupOf([], {}).writes, setupOf(['--http', '--allow-writes', '-p', '8080'], {}).port], [false, false, 8080])
  assert.throws(() => setupOf(['--port', '70000'], {}), /--port must be an integer/)
  assert.throws(() => setupOf([], { KAYAKO_TOKEN: 't' }), /without KAYAKO_V1_URL/)
})

test.run()
