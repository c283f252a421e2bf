// Tree-shaking: the entity decoders refer to each other (resources nest: src/v1/internal/entities), so a bundle
// must keep only the ones the imported module reaches. Checked on esbuild's minified output by field names only one decoder reads.
import { build } from 'esbuild'
import { join } from 'node:path'
import { test } from 'uvu'
import * as assert from 'uvu/assert'

const SRC = join(import.meta.dirname, '..', '..', 'src', 'v1')

const bundle = async (code: string): Promise<string> => {
  const result = await build({
    stdin: { contents: code, resolveDir: SRC, loader: 'ts' },
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    logLevel: 'silent'
  })
  return result.outputFiles[0]?.text ?? ''
}

// a field name read by exactly one decoder (written snake_case by a `struct`, camelCase by a `record`'s spec)
const MARKS = {
  user: 'last_logged_in_at',
  case: 'last_reply_by_agent_at',
  team: 'member_count',
  role: 'is_system',
  post: 'post_status_reject_reason',
  session: 'instance_name'
}

const kept = (text: string): ReadonlyArray<string> =>
  Object.entries(MARKS)
    .filter(([, mark]) => text.includes(mark) || text.includes(mark.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())))
    .map(([name]) => name)

test('a module keeps only the decoders it reaches', async () => {
  assert.equal(kept(await bundle(`import * as M from './Role'; console.log(M.get(1))`)), ['role'])
  assert.equal(kept(await bundle(`import * as M from './Team'; console.log(M.get(1))`)), ['team'])
  assert.equal(kept(await bundle(`import * as M from './CaseStatus'; console.log(M.all())`)), [])
  // a session holds its user, who holds a role and teams
  assert.equal(kept(await bundle(`import * as M from './Session'; console.log(M.get())`)), ['user', 'team', 'role', 'session'])
  // a case holds users and teams; the post decoder only comes with the builders that use it (Case.posts, reply)
  assert.equal(kept(await bundle(`import * as M from './Case'; console.log(M.get(1))`)), ['user', 'case', 'team', 'role'])
  assert.equal(kept(await bundle(`import * as M from './Case'; console.log(M.posts(1))`)), ['user', 'team', 'role', 'post'])
})

test('the executor alone keeps no resource decoder', async () => {
  const text = await bundle(`import { v1 } from './internal/executor'; console.log(v1)`)
  assert.equal(kept(text), [])
  console.log(`    executor bundle: ${text.length} bytes minified`)
})

test('the origin rule and redirects of downloads come only with a download builder; a conversation keeps no full user', async () => {
  const mark = "helpdesk's origin"
  assert.not.ok((await bundle(`import { v1 } from './internal/executor'; import * as M from './Team'; console.log(v1, M.get(1))`)).includes(mark))
  assert.ok((await bundle(`import * as M from './Attachment'; console.log(M.download('https://h/x'))`)).includes(mark))
  const conversation = kept(await bundle(`import * as M from './Conversation'; console.log(M.all())`))
  assert.ok(conversation.includes('team') && !conversation.includes('user') && !conversation.includes('case'), conversation.join())
})

test('two-factor authentication comes only with twoFactor: a plain password configuration bundles none of it', async () => {
  const mark = 'OTP_EXPECTED'
  assert.not.ok((await bundle(`import { v1 } from './index'; console.log(v1({ url: 'https://h', auth: { username: 'u', password: 'p' } }))`)).includes(mark))
  assert.ok(
    (
      await bundle(
        `import { v1, twoFactor } from './index'; console.log(v1({ url: 'https://h', auth: { username: 'u', password: 'p', otp: twoFactor(() => '1') } }))`
      )
    ).includes(mark)
  )
})

test.run()
