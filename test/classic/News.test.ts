// News across modules: NewsItem and NewsSubscriber updates (spec kb-news-troubleshooter §3).
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as NewsItem from '../../src/classic/NewsItem'
import * as NewsSubscriber from '../../src/classic/NewsSubscriber'

const wireNames = (form: ReadonlyArray<readonly [string, string]>) => form.map(([name]) => name)

test('an update sends only its own fields, even from a spread entity (the server resets any date it is sent)', () => {
  const spread = { staffId: 3, start: new Date(0), expiry: new Date(1e12), editedStaffId: 1, subject: 'S', contents: 'C' }
  assert.equal(wireNames(NewsItem.put(4, spread).form), ['editedstaffid', 'subject', 'contents'])
  assert.equal(NewsSubscriber.put(4, { email: 'a@example.com', isValidated: true } as NewsSubscriber.NewsSubscriberUpdate).form, [['email', 'a@example.com']])
})

test.run()
