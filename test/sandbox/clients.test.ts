// The official clients' wire, replayed step by step as spec classic-clients §3.2 records it (Ruby 1.2.1 with `e=`
// percent-encoded, PHP with the standard URL type `?/Route&…`, http_build_query bodies, LF multipart), over HTTP.
// Every answer must be what those clients need (§4): exactly 200, the XML declaration first, objects echoed.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { signature } from '../../src/classic/internal/sign'
import { startSandbox, type RunningSandbox } from '../../src/sandbox/server'
import { children, ownText, root, text } from '../support/sandbox'

let sb: RunningSandbox
test.before(async () => {
  sb = await startSandbox()
})
test.after(async () => {
  await sb.close()
})

type Fields = ReadonlyArray<readonly [string, string]>

interface Style {
  readonly name: string
  readonly salt: () => string
  /** The URL for a route, without credentials. */
  readonly url: (route: string) => string
  readonly encodeForm: (fields: Fields) => string
  /** The query credentials of GET/DELETE. */
  readonly query: (salt: string, sig: string) => string
  /** Array fields: `email[]` (Ruby) or `email[0]` (PHP). */
  readonly array: (name: string, index: number) => string
  readonly base64: (bytes: Uint8Array) => string
}

let counter = 0
const ruby: Style = {
  name: 'Ruby 1.2.1',
  salt: () => `RubySalt${String(++counter).padStart(24, 'x')}`,
  url: (route) => `?e=${encodeURIComponent(route)}`,
  // Net::HTTP form data: %20 for spaces, ( ) ! * ' ~ left raw (as encodeURIComponent does)
  encodeForm: (fields) => fields.map(([k, v]) => `${k.replace(/[^\][A-Za-z0-9_-]/g, encodeURIComponent)}=${encodeURIComponent(v)}`).join('&'),
  query: (salt, sig) => `&apikey=${encodeURIComponent(sb.apiKey)}&salt=${salt}&signature=${encodeURIComponent(sig)}`,
  array: (name) => `${name}[]`,
  // Base64.encode64: a line break every 60 characters
  base64: (bytes) =>
    Buffer.from(bytes)
      .toString('base64')
      .replace(/(.{60})/g, '$1\n')
}

/** PHP urlencode: '+' for spaces, everything but [A-Za-z0-9_.-] as %XX. */
const urlencode = (s: string) =>
  encodeURIComponent(s)
    .replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+')
const php: Style = {
  name: 'PHP f20496a',
  salt: () => String(100000000 + ++counter * 7919),
  url: (route) => `?${route}`,
  encodeForm: (fields) => fields.map(([k, v]) => `${urlencode(k)}=${urlencode(v)}`).join('&'),
  // sprintf: apikey and salt as they are, the signature urlencoded
  query: (salt, sig) => `&apikey=${sb.apiKey}&salt=${salt}&signature=${urlencode(sig)}`,
  array: (name, index) => `${name}[${index}]`,
  base64: (bytes) => Buffer.from(bytes).toString('base64')
}

const scenario = (style: Style) =>
  test(`${style.name}: the whole scenario`, async () => {
    const send = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', route: string, fields: Fields = []) => {
      const salt = style.salt()
      const sig = await signature(sb.secretKey, salt)
      const base = `http://127.0.0.1:${sb.port}/api/index.php${style.url(route)}`
      const res =
        method === 'GET' || method === 'DELETE'
          ? await fetch(base + style.query(salt, sig), { method, headers: { accept: '*/*' } })
          : await fetch(base, {
              method,
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
              body: style.encodeForm([...fields, ['apikey', sb.apiKey], ['salt', salt], ['signature', sig]])
            })
      return { status: res.status, headers: {}, body: await res.text() }
    }
    const ok = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', route: string, fields: Fields = []) => {
      const res = await send(method, route, fields)
      assert.is(res.status, 200, `${method} ${route}: ${res.body}`)
      if (method !== 'DELETE') assert.ok(res.body.startsWith('<?xml version="1.0" encoding="UTF-8"?>'), `${route}: declaration first`)
      return res
    }
    const one = async (method: 'GET' | 'POST' | 'PUT', route: string, tag: string, fields: Fields = []) => {
      const el = children(root(await ok(method, route, fields)), tag)[0]
      assert.ok(el !== undefined, `${method} ${route} echoes a <${tag}>`)
      return el
    }
    const tag = style === ruby ? 'r' : 'p'

    for (const route of ['/Base/Department', '/Tickets/TicketStatus', '/Tickets/TicketPriority', '/Tickets/TicketType']) await ok('GET', route)
    const department = await one('POST', '/Base/Department', 'department', [
      ['title', `Wire (${tag}) dept`],
      ['type', 'public'],
      [style === ruby ? 'app' : 'module', 'tickets'],
      ['displayorder', '7'],
      ['uservisibilitycustom', '0']
    ])
    const departmentId = text(department, 'id')
    assert.is(text(await one('GET', `/Base/Department/${departmentId}`, 'department'), 'title'), `Wire (${tag}) dept`)
    const staffGroup = await one('POST', '/Base/StaffGroup', 'staffgroup', [
      ['title', `Wire ${tag}`],
      ['isadmin', '0']
    ])
    const staff = await one('POST', '/Base/Staff', 'staff', [
      ['staffgroupid', text(staffGroup, 'id')],
      ['firstname', 'Wire'],
      ['lastname', tag],
      ['username', `wire-${tag}`],
      ['email', `wire-${tag}@x.example`],
      ['designation', 'Tester'],
      ['mobilenumber', ''],
      ['isenabled', '1'],
      ['timezone', 'GMT'],
      ['enabledst', '0'],
      ['password', 'p(a)s s!']
    ])
    const userGroup = await one('POST', '/Base/UserGroup', 'usergroup', [
      ['title', `Wire ${tag}`],
      ['grouptype', 'registered']
    ])
    const org = await one('POST', '/Base/UserOrganization', 'userorganization', [
      ['name', `Wire ${tag} & Co (test)`],
      ['organizationtype', 'shared'],
      ['city', 'Köln'],
      ['website', 'https://x.example/~a'],
      ['slaplanexpiry', '0']
    ])
    assert.equal([text(org, 'name'), text(org, 'city')], [`Wire ${tag} & Co (test)`, 'Köln'])
    const email = `user-${tag}@x.example`
    const user = await one('POST', '/Base/User', 'user', [
      ['usergroupid', text(userGroup, 'id')],
      ['userrole', 'user'],
      ['userorganizationid', text(org, 'id')],
      ['salutation', 'Mr.'],
      ['userexpiry', '0'],
      ['fullname', `Wire User ${tag}`],
      [style.array('email', 0), email],
      ['designation', ''],
      ['phone', '+1 (555) 010'],
      ['isenabled', '1'],
      ['enabledst', '0'],
      ['slaplanexpiry', '0'],
      ['password', 'x'],
      ['sendwelcomeemail', '0']
    ])
    const userId = text(user, 'id')
    assert.equal(children(await one('GET', `/Base/User/${userId}`, 'user'), 'email').map(ownText), [email])

    const ticket = await one('POST', '/Tickets/Ticket', 'ticket', [
      ['subject', `Wire ticket ${tag}`],
      ['fullname', `Wire User ${tag}`],
      ['email', email],
      ['departmentid', departmentId],
      ['ticketstatusid', '1'],
      ['ticketpriorityid', '2'],
      ['tickettypeid', '1'],
      ['userid', userId],
      ['contents', 'Body with * and ~ and ()'],
      ['ignoreautoresponder', '0']
    ])
    const ticketId = ticket.attributes.id as string
    await one('GET', `/Tickets/Ticket/${ticketId}`, 'ticket')
    const listRoute = style === ruby ? `/Tickets/Ticket/ListAll/${departmentId}` : `/Tickets/Ticket/ListAll/${departmentId}/-1/-1/-1`
    assert.equal(
      children(root(await ok('GET', listRoute)), 'ticket').map((t) => t.attributes.id),
      [ticketId]
    )

    const post = await one('POST', '/Tickets/TicketPost', 'post', [
      ['ticketid', ticketId],
      ['subject', ''],
      ['contents', 'A reply'],
      ['isprivate', '0'],
      ['userid', userId]
    ])
    const postId = text(post, 'id')
    assert.is(children(root(await ok('GET', `/Tickets/TicketPost/ListAll/${ticketId}`)), 'post').length, 2)
    const note = children(
      root(
        await ok('POST', '/Tickets/TicketNote', [
          ['ticketid', ticketId],
          ['notecolor', '2'],
          ['staffid', text(staff, 'id')],
          ['contents', 'A note']
        ])
      ),
      'note'
    )[0]!
    assert.is(children(root(await ok('GET', `/Tickets/TicketNote/ListAll/${ticketId}`)), 'note').length, 1)
    const track = children(
      root(
        await ok('POST', '/Tickets/TicketTimeTrack', [
          ['ticketid', ticketId],
          ['contents', 'Work'],
          ['staffid', text(staff, 'id')],
          ['worktimeline', '1700000000'],
          ['billtimeline', '1700000000'],
          ['timespent', '60'],
          ['timebillable', '30'],
          ['workerstaffid', text(staff, 'id')],
          ['notecolor', '1']
        ])
      ),
      'timetrack'
    )[0]!
    await ok('GET', `/Tickets/TicketTimeTrack/${ticketId}/${track.attributes.id}`)

    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 97) % 256)
    const attachment = await one('POST', '/Tickets/TicketAttachment', 'attachment', [
      ['ticketid', ticketId],
      ['ticketpostid', postId],
      ['filename', 'data.bin'],
      ['contents', style.base64(bytes)]
    ])
    const attachmentId = text(attachment, 'id')
    const contents = text(await one('GET', `/Tickets/TicketAttachment/${ticketId}/${attachmentId}`, 'attachment'), 'contents')
    // Ruby decodes only one-line Base64 whose length is a multiple of 4 (§4).
    assert.ok(/^[A-Za-z0-9+/]+={0,3}$/.test(contents) && contents.length % 4 === 0)
    assert.ok(Buffer.from(contents, 'base64').equals(Buffer.from(bytes)))
    await ok('GET', `/Tickets/TicketAttachment/ListAll/${ticketId}`)

    const customFields = root(await ok('GET', `/Tickets/TicketCustomField/${ticketId}`))
    const fieldNames = children(children(customFields, 'group')[0]!, 'field').map((f) => f.attributes.name as string)
    assert.is(fieldNames.length, 11)
    const found = children(
      root(
        await ok('POST', '/Tickets/TicketSearch', [
          ['query', 'A reply'],
          ['contents', '1'],
          ['notes', '1']
        ])
      ),
      'ticket'
    )
    assert.ok(found.some((t) => t.attributes.id === ticketId))
    await ok('GET', '/Tickets/TicketCount')

    if (style === ruby) {
      const updated = await one('PUT', `/Tickets/Ticket/${ticketId}`, 'ticket', [
        ['subject', 'Changed'],
        ['ticketpriorityid', '3'],
        ['ownerstaffid', text(staff, 'id')]
      ])
      assert.equal([text(updated, 'subject'), text(updated, 'priorityid'), text(updated, 'ownerstaffid')], ['Changed', '3', text(staff, 'id')])
    } else {
      const updated = await one('PUT', `/Tickets/Ticket/${ticketId}`, 'ticket', [
        ['subject', 'Changed'],
        ['fullname', `Wire User ${tag}`],
        ['email', email],
        ['departmentid', departmentId],
        ['ticketstatusid', '1'],
        ['ticketpriorityid', '3'],
        ['tickettypeid', '1'],
        ['ownerstaffid', text(staff, 'id')],
        ['templategroup', text(ticket, 'templategroupid')],
        ['userid', userId]
      ])
      assert.equal([text(updated, 'subject'), text(updated, 'priorityid')], ['Changed', '3'])
      // kyTicket::update() re-posts every custom field, empty values included, then reads them again.
      await ok(
        'POST',
        `/Tickets/TicketCustomField/${ticketId}`,
        fieldNames.map((n) => [n, ''] as const)
      )
      await ok('GET', `/Tickets/TicketCustomField/${ticketId}`)
    }
    await ok('GET', `/Tickets/Ticket/${ticketId}`)

    const gone = async (route: string, expected: { status: number; body: string }) => {
      await ok('DELETE', route)
      const after = await send('GET', route)
      assert.equal({ status: after.status, body: after.body }, expected, route)
    }
    await gone(`/Tickets/TicketAttachment/${ticketId}/${attachmentId}`, { status: 404, body: 'Attachment not Found' })
    await ok('DELETE', `/Tickets/TicketTimeTrack/${ticketId}/${track.attributes.id}`)
    assert.is(children(root(await ok('GET', `/Tickets/TicketTimeTrack/ListAll/${ticketId}`)), 'timetrack').length, 0)
    await ok('DELETE', `/Tickets/TicketNote/${ticketId}/${note.attributes.id}`)
    await ok('DELETE', `/Tickets/TicketPost/${ticketId}/${postId}`)
    assert.is(children(root(await ok('GET', `/Tickets/TicketPost/ListAll/${ticketId}`)), 'post').length, 1)
    await gone(`/Tickets/Ticket/${ticketId}`, { status: 404, body: 'Ticket not Found' })
    const empty = (root: string) => ({ status: 200, body: `<?xml version="1.0" encoding="UTF-8"?>\n<${root}>\n</${root}>` })
    await gone(`/Base/User/${userId}`, empty('users'))
    await gone(`/Base/UserOrganization/${text(org, 'id')}`, empty('userorganizations'))
    await gone(`/Base/UserGroup/${text(userGroup, 'id')}`, empty('usergroups'))
    await gone(`/Base/Staff/${text(staff, 'id')}`, empty('staffusers'))
    await gone(`/Base/StaffGroup/${text(staffGroup, 'id')}`, empty('staffgroups'))
    await gone(`/Base/Department/${departmentId}`, empty('departments'))
  })

scenario(ruby)
scenario(php)

test.run()
