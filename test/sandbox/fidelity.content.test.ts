// The Knowledgebase, News and Troubleshooter controllers against the 4.98.8 source, one behaviour per test, each
// naming the server line it follows (paths under `upload/`: `K/` = `__apps/knowledgebase/`, `N/` = `__apps/news/`,
// `TS/` = `__apps/troubleshooter/`, `B/` = `__swift/apps/base/`, `F` = `__swift/includes/functions.php`). Raw signed
// requests, so no client behaviour hides a sandbox one. Every test starts from the seed (see seedContent.ts).
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { createSandbox } from '../../src/sandbox/handler'
import type { XmlElement } from '../../src/classic/internal/xml'
import { call, children, ownText, root, text } from '../support/sandbox'

const NOW = 1700000000
const fresh = () => createSandbox({ now: () => NOW }).handle

type Fields = ReadonlyArray<readonly [string, string]>
const items = async (handle: ReturnType<typeof fresh>, route: string, tag: string): Promise<Array<XmlElement>> =>
  children(root(await call(handle, 'GET', route)), tag)
const one = async (handle: ReturnType<typeof fresh>, method: 'POST' | 'PUT', route: string, tag: string, fields: Fields): Promise<XmlElement> => {
  const response = await call(handle, method, route, fields)
  const [item] = children(root(response), tag)
  if (item === undefined) throw new Error(`no <${tag}> in ${response.status}: ${response.body.slice(0, 200)}`)
  return item
}
/** The texts of `<container><tag>…</tag>*</container>`. */
const list = (el: XmlElement, container: string, tag: string): Array<string> => children(children(el, container)[0] as XmlElement, tag).map(ownText)
const answer = async (handle: ReturnType<typeof fresh>, method: 'GET' | 'POST' | 'PUT' | 'DELETE', route: string, fields: Fields = []) => {
  const r = await call(handle, method, route, fields)
  return [r.status, r.body.startsWith('Uncaught Exception') ? r.body.split('\n').slice(0, 3).join(' | ') : r.body]
}

// --- KnowledgebaseCategory

const kb = suite('fidelity: Knowledgebase')

kb('K/models/Category/class.SWIFT_KnowledgebaseCategory.php:672-718: totalarticles is the stored count of published articles in the subtree', async () => {
  const handle = fresh()
  const counts = async () => (await items(handle, '/Knowledgebase/Category', 'kbcategory')).map((c) => [text(c, 'id'), text(c, 'totalarticles')])
  assert.equal(await counts(), [
    ['1', '3'],
    ['2', '2'],
    ['3', '0']
  ])
  // A pending article (no articlestatus) is linked but not counted; GetArticleCount counts links of any status (K/api/class.Controller_Article.php:651-653).
  await one(handle, 'POST', '/Knowledgebase/Article', 'kbarticle', [
    ['subject', 'Pending'],
    ['contents', 'c'],
    ['creatorid', '1'],
    ['categoryid', '2']
  ])
  assert.equal(await counts(), [
    ['1', '3'],
    ['2', '2'],
    ['3', '0']
  ])
  assert.is(text(root(await call(handle, 'GET', '/Knowledgebase/Article/GetArticleCount/2')), 'totalarticles'), '3')
})

kb(
  'K/api/class.Controller_Article.php:576-588: PUT recounts before UpdateStatus, so a just-published article is counted only at the next recount',
  async () => {
    const handle = fresh()
    const total = async (id: string) => text((await items(handle, `/Knowledgebase/Category/${id}`, 'kbcategory'))[0] as XmlElement, 'totalarticles')
    await one(handle, 'PUT', '/Knowledgebase/Article/3', 'kbarticle', [
      ['editedstaffid', '1'],
      ['articlestatus', '1'],
      ['categoryid', '3']
    ])
    assert.is(await total('3'), '0', 'the recount saw the old (draft) status')
    await one(handle, 'PUT', '/Knowledgebase/Category/3', 'kbcategory', [['displayorder', '4']])
    assert.is(await total('3'), '1', 'the category update recounts')
  }
)

kb('K/api/class.Controller_Category.php:289-299: title and categorytype refuse "0" (empty()); the title is stored untrimmed', async () => {
  const handle = fresh()
  assert.equal(
    await answer(handle, 'POST', '/Knowledgebase/Category', [
      ['title', '0'],
      ['categorytype', '1']
    ]),
    [400, 'Title field is empty']
  )
  assert.equal(
    await answer(handle, 'POST', '/Knowledgebase/Category', [
      ['title', 'T'],
      ['categorytype', '0']
    ]),
    [400, 'Category type is empty']
  )
  const created = await one(handle, 'POST', '/Knowledgebase/Category', 'kbcategory', [
    ['title', '  Spaced  '],
    ['categorytype', '1']
  ])
  assert.is(text(created, 'title'), '  Spaced  ')
  // PUT stores `$_POST['title']` as sent too (l.436-437).
  assert.is(text(await one(handle, 'PUT', `/Knowledgebase/Category/${text(created, 'id')}`, 'kbcategory', [['title', ' Again ']]), 'title'), ' Again ')
})

// --- KnowledgebaseArticle

kb('K/models/Article/class.SWIFT_KnowledgebaseArticle.php:399-400: Create never writes author and email', async () => {
  const handle = fresh()
  const created = await one(handle, 'POST', '/Knowledgebase/Article', 'kbarticle', [
    ['subject', 'S'],
    ['contents', 'C'],
    ['creatorid', '2']
  ])
  assert.equal([text(created, 'creatorid'), text(created, 'author'), text(created, 'email')], ['2', '', ''])
})

kb('K/api/class.Controller_Article.php:382-398: subject and creatorid refuse "0", contents only a blank; text is stored untrimmed', async () => {
  const handle = fresh()
  assert.equal(
    await answer(handle, 'POST', '/Knowledgebase/Article', [
      ['subject', '0'],
      ['contents', 'c'],
      ['creatorid', '1']
    ]),
    [400, 'Subject field is empty']
  )
  assert.equal(
    await answer(handle, 'POST', '/Knowledgebase/Article', [
      ['subject', 's'],
      ['contents', 'c'],
      ['creatorid', '0']
    ]),
    [400, 'creatorid is empty']
  )
  const created = await one(handle, 'POST', '/Knowledgebase/Article', 'kbarticle', [
    ['subject', ' S '],
    ['contents', '0'],
    ['creatorid', '1']
  ])
  assert.equal([text(created, 'subject'), text(created, 'contents')], [' S ', '0'])
})

kb('K/api/class.Controller_Article.php:519-551: PUT checks subject and contents before the staff member', async () => {
  const handle = fresh()
  assert.equal(
    await answer(handle, 'PUT', '/Knowledgebase/Article/1', [
      ['editedstaffid', '99'],
      ['subject', ' ']
    ]),
    [400, 'subject is empty']
  )
  assert.equal(
    await answer(handle, 'PUT', '/Knowledgebase/Article/1', [
      ['editedstaffid', '99'],
      ['contents', '']
    ]),
    [400, 'contents is empty']
  )
  assert.equal(await answer(handle, 'PUT', '/Knowledgebase/Article/1', [['editedstaffid', '99']]), [400, 'Invalid Staff ID'])
})

kb(
  'K/models/Article/class.SWIFT_KnowledgebaseArticle.php:314-334 (alphanum F:1883-1902): each space becomes "-", other characters go; unique against every article, itself included (l.464-475)',
  async () => {
    const handle = fresh()
    const post = (subject: string, seo?: string) =>
      one(handle, 'POST', '/Knowledgebase/Article', 'kbarticle', [
        ['subject', subject],
        ['contents', 'c'],
        ['creatorid', '1'],
        ...(seo === undefined ? [] : [['seosubject', seo] as const])
      ])
    assert.is(text(await post('Two  spaces\there'), 'seosubject'), 'two--spaceshere')
    assert.is(text(await post('x', 'Billing FAQ'), 'seosubject'), 'billing-faq1')
    assert.match(text(await post('!!!'), 'seosubject'), /^[a-z]{5}$/, 'nothing left: five random letters')
    // Sending its own slug in another case re-cleans it and finds itself taken.
    const renamed = await one(handle, 'PUT', '/Knowledgebase/Article/3', 'kbarticle', [
      ['editedstaffid', '1'],
      ['seosubject', 'Billing-FAQ']
    ])
    assert.is(text(renamed, 'seosubject'), 'billing-faq2')
  }
)

kb('K/api/class.Controller_Article.php:435-445: categoryid keeps only cached categories (0 is not one), else the list as sent', async () => {
  const handle = fresh()
  const links = async (ids: string) =>
    list(
      await one(handle, 'POST', '/Knowledgebase/Article', 'kbarticle', [
        ['subject', 's'],
        ['contents', 'c'],
        ['creatorid', '1'],
        ['categoryid', ids]
      ]),
      'categories',
      'categoryid'
    )
  assert.equal(await links('0,2'), ['2'])
  assert.equal(await links('2,1,2'), ['1', '2'], 'in the cache order (display order), each once')
  assert.equal(await links('98,99'), ['98', '99'])
  // `array_intersect` compares strings: ' 2' is not category 2.
  assert.equal(await links('1, 2'), ['1'])
})

kb('B/models/Comment/class.SWIFT_Comment.php:271-281: nothing updates the stored totalcomments', async () => {
  const handle = fresh()
  await one(handle, 'POST', '/Knowledgebase/Comment', 'kbarticlecomment', [
    ['knowledgebasearticleid', '2'],
    ['contents', 'c'],
    ['creatortype', '1'],
    ['creatorid', '1']
  ])
  assert.is(text((await items(handle, '/Knowledgebase/Article/2', 'kbarticle'))[0] as XmlElement, 'totalcomments'), '0')
})

// --- Comments (shared code)

kb('K/api/class.Controller_Comment.php:299-325: contents, article id, creator type, then the article lookup', async () => {
  const handle = fresh()
  assert.equal(
    await answer(handle, 'POST', '/Knowledgebase/Comment', [
      ['knowledgebasearticleid', '99'],
      ['contents', 'c']
    ]),
    [400, 'Creator type field is empty']
  )
  assert.equal(
    await answer(handle, 'POST', '/Knowledgebase/Comment', [
      ['knowledgebasearticleid', '0'],
      ['contents', 'c'],
      ['creatortype', '1']
    ]),
    [400, 'Article ID field is empty']
  )
  assert.equal(
    await answer(handle, 'POST', '/Knowledgebase/Comment', [
      ['knowledgebasearticleid', '99'],
      ['contents', 'c'],
      ['creatortype', '7']
    ]),
    [400, 'Invalid knowledgebasearticleid']
  )
  assert.equal(
    await answer(handle, 'POST', '/Knowledgebase/Comment', [
      ['knowledgebasearticleid', '1'],
      ['contents', 'c'],
      ['creatortype', '7']
    ]),
    [400, 'Invalid creator type']
  )
})

kb('B/models/Comment/class.SWIFT_Comment.php:267-281: text stored as sent; an empty() name or contents ("0") throws uncaught', async () => {
  const handle = fresh()
  const guest = await one(handle, 'POST', '/News/Comment', 'newsitemcomment', [
    ['newsitemid', '1'],
    ['contents', ' Hi '],
    ['creatortype', '2'],
    ['fullname', ' Ann '],
    ['email', ' a@b.example ']
  ])
  assert.equal([text(guest, 'contents'), text(guest, 'fullname'), text(guest, 'email'), text(guest, 'commentstatus')], [' Hi ', ' Ann ', ' a@b.example ', '1'])
  assert.equal(
    await answer(handle, 'POST', '/News/Comment', [
      ['newsitemid', '1'],
      ['contents', '0'],
      ['creatortype', '2'],
      ['fullname', 'Ann']
    ]),
    [200, 'Uncaught Exception | Router: /News/Comment | Invalid data provided in /__swift/apps/base/models/Comment/class.SWIFT_Comment.php:268']
  )
  assert.equal(
    (
      await answer(handle, 'POST', '/Troubleshooter/Comment', [
        ['troubleshooterstepid', '1'],
        ['contents', 'c'],
        ['creatortype', '2'],
        ['fullname', '0']
      ])
    )[0],
    200
  )
})

// --- Attachments (shared code)

kb('K/api/class.Controller_Attachment.php:113-116: ListAll/<article>/<attachment> narrows the list to that attachment', async () => {
  const handle = fresh()
  assert.is((await items(handle, '/Knowledgebase/Attachment/ListAll/1/1', 'kbattachment')).length, 1)
  assert.is((await items(handle, '/Knowledgebase/Attachment/ListAll/1/5', 'kbattachment')).length, 0)
  assert.is((await items(handle, '/Troubleshooter/Attachment/ListAll/2/2', 'troubleshooterattachment')).length, 1)
})

kb(
  'K/api/class.Controller_Attachment.php:268-297: contents only has to be set (empty file accepted); "0" is no file name; the name is stored as sent',
  async () => {
    const handle = fresh()
    assert.equal(
      await answer(handle, 'POST', '/Knowledgebase/Attachment', [
        ['kbarticleid', '1'],
        ['filename', '0'],
        ['contents', 'YQ==']
      ]),
      [400, 'No file name specified']
    )
    assert.equal(
      await answer(handle, 'POST', '/Knowledgebase/Attachment', [
        ['kbarticleid', '1'],
        ['filename', 'a.txt']
      ]),
      [400, 'No contents specified']
    )
    const empty = await one(handle, 'POST', '/Knowledgebase/Attachment', 'kbattachment', [
      ['kbarticleid', '1'],
      ['filename', ' a.txt'],
      ['contents', '']
    ])
    assert.equal([text(empty, 'filename'), text(empty, 'filesize'), text(empty, 'filetype')], [' a.txt', '0', 'text/plain'])
  }
)

kb.run()

// --- News

const news = suite('fidelity: News')

news('N/models/Category/class.SWIFT_NewsCategory.php:330-341: newsitemcount is recounted from links only, so an emptied category keeps its count', async () => {
  const handle = fresh()
  const count = async (id: string) => text((await items(handle, `/News/Category/${id}`, 'newscategory'))[0] as XmlElement, 'newsitemcount')
  assert.is(await count('2'), '1')
  await call(handle, 'DELETE', '/News/NewsItem/2')
  assert.is(await count('2'), '1', 'no link left: the old count stays')
  await call(handle, 'DELETE', '/News/NewsItem/3')
  assert.is(await count('1'), '1', 'still linked: recounted')
})

news('N/api/class.Controller_Category.php:203-215: title refuses "0", visibilitytype only a blank; both are stored/compared as sent', async () => {
  const handle = fresh()
  assert.equal(
    await answer(handle, 'POST', '/News/Category', [
      ['title', '0'],
      ['visibilitytype', 'public']
    ]),
    [400, 'Title field is missing/empty']
  )
  const created = await one(handle, 'POST', '/News/Category', 'newscategory', [
    ['title', ' T '],
    ['visibilitytype', ' public']
  ])
  assert.equal([text(created, 'title'), text(created, 'visibilitytype')], [' T ', 'private'])
})

news('N/api/class.Controller_NewsItem.php:425-438: staffid, subject and contents refuse "0"', async () => {
  const handle = fresh()
  const base: Fields = [
    ['staffid', '1'],
    ['subject', 's'],
    ['contents', 'c']
  ]
  const without = (name: string): Fields => [...base.filter(([k]) => k !== name), [name, '0']]
  assert.equal(await answer(handle, 'POST', '/News/NewsItem', without('staffid')), [400, 'Staff ID missing'])
  assert.equal(await answer(handle, 'POST', '/News/NewsItem', without('subject')), [400, 'Subject is empty'])
  assert.equal(await answer(handle, 'POST', '/News/NewsItem', without('contents')), [400, 'Content is empty'])
})

news('N/models/NewsItem/class.SWIFT_NewsItem.php:336-355: group links are written only when their visibility flag is on', async () => {
  const handle = fresh()
  const created = await one(handle, 'POST', '/News/NewsItem', 'newsitem', [
    ['staffid', '1'],
    ['subject', ' s '],
    ['contents', 'c'],
    ['usergroupidlist', '1,2'],
    ['staffgroupidlist', '1']
  ])
  assert.equal(
    [
      children(children(created, 'usergroupidlist')[0] as XmlElement).length,
      children(children(created, 'staffgroupidlist')[0] as XmlElement).length,
      text(created, 'subject')
    ],
    [0, 0, ' s ']
  )
})

news(
  'N/api/class.Controller_NewsItem.php:583-640: editedstaffid (int) 0 is missing; status and the staff check come before the missing-subject exception',
  async () => {
    const handle = fresh()
    assert.equal(await answer(handle, 'PUT', '/News/NewsItem/1', [['editedstaffid', 'abc']]), [400, 'Staff is missing or invalid'])
    assert.equal(
      await answer(handle, 'PUT', '/News/NewsItem/1', [
        ['editedstaffid', '99'],
        ['newsstatus', '1']
      ]),
      [400, 'Staff ID is invalid']
    )
    // The status was written before the failure (l.622-627).
    assert.is(text((await items(handle, '/News/NewsItem/1', 'newsitem'))[0] as XmlElement, 'newsstatus'), '1')
    const [status, body] = await answer(handle, 'PUT', '/News/NewsItem/1', [
      ['editedstaffid', '1'],
      ['subject', '0'],
      ['contents', 'c']
    ])
    assert.equal([status, String(body).includes('Invalid data provided')], [200, true])
  }
)

news('N/api/class.Controller_NewsItem.php:651-711: PUT keeps values for "0"/blank lists, non-0/1 flags and a blank email subject', async () => {
  const handle = fresh()
  const updated = await one(handle, 'PUT', '/News/NewsItem/1', 'newsitem', [
    ['editedstaffid', '1'],
    ['subject', 's'],
    ['contents', 'c'],
    ['allowcomments', 'yes'],
    ['customemailsubject', ' '],
    ['newscategoryidlist', '0'],
    ['start', '0']
  ])
  assert.equal(
    [
      text(updated, 'allowcomments'),
      text(updated, 'emailsubject'),
      text(children(updated, 'categories')[0] as XmlElement, 'categoryid'),
      text(updated, 'start')
    ],
    ['1', 'What is new in 5.0', '1', '0']
  )
})

news('N/api/class.Controller_Subscriber.php:198 (F:1115-1124): the address is validated as sent, so a surrounding space is invalid', async () => {
  const handle = fresh()
  assert.equal(await answer(handle, 'POST', '/News/Subscriber', [['email', ' new@mail.example']]), [400, 'Invalid email address'])
  assert.equal(await answer(handle, 'PUT', '/News/Subscriber/1', [['email', 'new@mail.example ']]), [400, 'Invalid email address'])
  const created = await one(handle, 'POST', '/News/Subscriber', 'newssubscriber', [['email', 'New@Mail.example']])
  assert.is(text(created, 'email'), 'new@mail.example')
})

news('N/models/NewsItem/class.SWIFT_NewsItem.php:716-717: active news have started strictly before now (start < NOW) and expire after it', async () => {
  const handle = fresh()
  const starting = await one(handle, 'POST', '/News/NewsItem', 'newsitem', [
    ['staffid', '1'],
    ['subject', 'Now'],
    ['contents', 'c']
  ])
  // A start of exactly now is set through the store: the date fields have day precision.
  const sandbox = createSandbox({ now: () => NOW })
  const row = sandbox.store.newsItems.insert({ ...sandbox.store.newsItems.get(1)!, start: NOW, expiry: 0, dateline: NOW + 1 })
  const listed = (await items(sandbox.handle, '/News/NewsItem/ListAll/0', 'newsitem')).map((n) => text(n, 'id'))
  assert.not.ok(listed.includes(String(row.id)), 'start = now is not active yet')
  assert.ok((await items(handle, '/News/NewsItem/ListAll/0', 'newsitem')).some((n) => text(n, 'id') === text(starting, 'id')))
})

news('N/models/Category/class.SWIFT_NewsCategory.php:248-250: a PUT title of "0" passes the controller, then the model throws (uncaught)', async () => {
  const handle = fresh()
  assert.equal(await answer(handle, 'PUT', '/News/Category/1', [['title', '0']]), [
    200,
    'Uncaught Exception | Router: /News/Category/1 | Invalid data provided in /__apps/news/models/Category/class.SWIFT_NewsCategory.php:249'
  ])
  assert.is(text((await items(handle, '/News/Category/1', 'newscategory'))[0] as XmlElement, 'title'), 'Product Updates')
})

news.run()

// --- Troubleshooter

const ts = suite('fidelity: Troubleshooter')

ts('TS/api/class.Controller_Category.php:177-201: title and categorytype refuse "0"; title and description are stored as sent', async () => {
  const handle = fresh()
  assert.equal(
    await answer(handle, 'POST', '/Troubleshooter/Category', [
      ['title', '0'],
      ['categorytype', '1'],
      ['staffid', '1']
    ]),
    [400, 'Title field is empty']
  )
  assert.equal(
    await answer(handle, 'POST', '/Troubleshooter/Category', [
      ['title', 't'],
      ['categorytype', '0'],
      ['staffid', '1']
    ]),
    [400, 'Category type is empty']
  )
  const created = await one(handle, 'POST', '/Troubleshooter/Category', 'troubleshootercategory', [
    ['title', ' t '],
    ['categorytype', '1'],
    ['staffid', '1'],
    ['description', ' d ']
  ])
  assert.equal([text(created, 'title'), text(created, 'description')], [' t ', ' d '])
  // PUT: `displayorder=0` is `empty()`, the old order stays (l.297-300).
  assert.is(text(await one(handle, 'PUT', '/Troubleshooter/Category/1', 'troubleshootercategory', [['displayorder', '0']]), 'displayorder'), '1')
})

ts('TS/api/class.Controller_Step.php:228-243: categoryid, subject, contents and staffid refuse "0"', async () => {
  const handle = fresh()
  const base: Fields = [
    ['categoryid', '1'],
    ['subject', 's'],
    ['contents', 'c'],
    ['staffid', '1']
  ]
  const zero = (name: string): Fields => base.map(([k, v]) => [k, k === name ? '0' : v] as const)
  assert.equal(await answer(handle, 'POST', '/Troubleshooter/Step', zero('categoryid')), [400, 'Category id is empty'])
  assert.equal(await answer(handle, 'POST', '/Troubleshooter/Step', zero('subject')), [400, 'Subject is empty'])
  assert.equal(await answer(handle, 'POST', '/Troubleshooter/Step', zero('contents')), [400, 'Contents is empty'])
  assert.equal(await answer(handle, 'POST', '/Troubleshooter/Step', zero('staffid')), [400, 'Staffid is empty'])
  const created = await one(handle, 'POST', '/Troubleshooter/Step', 'troubleshooterstep', [
    ...base.filter(([k]) => k !== 'subject'),
    ['subject', ' s '],
    ['ticketsubject', ' t ']
  ])
  assert.equal([text(created, 'subject'), text(created, 'ticketsubject')], [' s ', ' t '])
})

ts(
  'TS/api/class.Controller_Step.php:345-424: PUT checks editedstaffid ("0" too), subject and contents before the staff member; "0" keeps optional values',
  async () => {
    const handle = fresh()
    assert.equal(await answer(handle, 'PUT', '/Troubleshooter/Step/3', [['editedstaffid', '0']]), [400, 'editedstaffid is empty'])
    assert.equal(
      await answer(handle, 'PUT', '/Troubleshooter/Step/3', [
        ['editedstaffid', '99'],
        ['subject', '']
      ]),
      [400, 'subject is empty']
    )
    const kept = await one(handle, 'PUT', '/Troubleshooter/Step/3', 'troubleshooterstep', [
      ['editedstaffid', '1'],
      ['allowcomments', '0'],
      ['redirectdepartmentid', '0'],
      ['displayorder', '0'],
      ['parentstepidlist', '0']
    ])
    assert.equal(
      [text(kept, 'allowcomments'), text(kept, 'redirectdepartmentid'), text(kept, 'displayorder'), text(children(kept, 'parentsteps')[0] as XmlElement, 'id')],
      ['1', '3', '1', '2']
    )
  }
)

ts(
  'TS/models/Category/class.SWIFT_TroubleshooterCategory.php:304-306: a PUT title of "0" passes the controller, then the model throws (uncaught)',
  async () => {
    const handle = fresh()
    const [status, body] = await answer(handle, 'PUT', '/Troubleshooter/Category/1', [['title', '0']])
    assert.equal([status, String(body).endsWith('class.SWIFT_TroubleshooterCategory.php:305')], [200, true])
    assert.is(text((await items(handle, '/Troubleshooter/Category/1', 'troubleshootercategory'))[0] as XmlElement, 'title'), 'Printer problems')
  }
)

ts.run()

const paging = suite('fidelity: Knowledgebase paging')

paging('L/Database/class.SWIFT_Database.php:893-917: without a positive count the offset is ignored (GetList and ListAll)', async () => {
  const handle = fresh()
  assert.is((await items(handle, '/Knowledgebase/Category/GetList/-1/2', 'kbcategory')).length, 3)
  assert.is((await items(handle, '/Knowledgebase/Category/GetList/1/2', 'kbcategory')).length, 1)
  assert.is((await items(handle, '/Knowledgebase/Article/ListAll/2/0/1', 'kbarticle')).length, 2)
  assert.is((await items(handle, '/Knowledgebase/Article/ListAll/2/1/1', 'kbarticle')).length, 1)
})

paging.run()
