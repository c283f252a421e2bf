import * as O from 'fp-ts/Option'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as TicketPriority from '../../src/classic/TicketPriority'
import { decodeBody, decodeEither, issuePaths } from '../support/decode'
import { fixture } from '../support/fixtures'
import { unwrapLeft } from '../support/transport'

test('all/get descriptions; read-only (no post/put/delete)', () => {
  assert.equal(
    Object.keys(TicketPriority).filter((k) => ['post', 'put', 'delete'].includes(k)),
    []
  )
  assert.equal(issuePaths(TicketPriority.get(0)), ['id'])
  assert.equal(issuePaths(TicketPriority.get(Number.POSITIVE_INFINITY)), ['id'])
})

test('decodes the real ListAll fixture (displayicon of older servers, user groups)', () => {
  const ps = decodeBody(TicketPriority.all(), fixture('classic/TicketPriority_ListAll.xml'))
  assert.equal(
    ps.map((p) => [p.id, p.title, p.displayOrder, p.frColorCode, p.bgColorCode, p.displayIcon, p.type, p.userVisibilityCustom, p.userGroupIds, p.extra]),
    [
      [1, 'Critical', 2, '#ffffff', '#d6d6d6', 'icon.png', 'public', false, [], {}],
      [1, 'Critical', 2, '#ffffff', '#d6d6d6', 'icon.png', 'private', true, [3], {}]
    ]
  )
})

test('get: first item, none for an empty root; a newer server without displayicon decodes', () => {
  const one = decodeBody(TicketPriority.get(1), fixture('classic/TicketPriority_ListAll.xml'))
  assert.equal(O.map((p: TicketPriority.TicketPriority) => p.type)(one), O.some('public'))
  assert.equal(decodeBody(TicketPriority.get(1), '<?xml version="1.0" encoding="UTF-8"?>\n<ticketpriorities>\n</ticketpriorities>'), O.none)
  const modern = `<?xml version="1.0" encoding="UTF-8"?>
<ticketpriorities>
<ticketpriority>
<id><![CDATA[4]]></id>
<title><![CDATA[Low]]></title>
<displayorder><![CDATA[1]]></displayorder>
<frcolorcode><![CDATA[#000000]]></frcolorcode>
<bgcolorcode />
<type><![CDATA[public]]></type>
<uservisibilitycustom><![CDATA[1]]></uservisibilitycustom>
<usergroupid><![CDATA[1]]></usergroupid>
<usergroupid><![CDATA[2]]></usergroupid>
</ticketpriority>
</ticketpriorities>`
  const [low] = decodeBody(TicketPriority.all(), modern)
  assert.equal([low?.id, low?.displayIcon, low?.bgColorCode, low?.userGroupIds], [4, '', '', [1, 2]])
  unwrapLeft(decodeEither(TicketPriority.all(), modern.replace('<![CDATA[2]]></usergroupid>', '<![CDATA[two]]></usergroupid>')))
})

test.run()
