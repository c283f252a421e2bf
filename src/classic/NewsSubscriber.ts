/**
 * NewsSubscriber — `/News/Subscriber` (spec kb-news-troubleshooter §3.4).
 */
import type * as O from 'fp-ts/Option'
import type { Decoder } from '../core/decoder'
import { checkFields, wireValues, type Fields, type RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { deleteRequest, getRequest, phpForm, postRequest, putRequest, segment, type ClassicRequest, type FormValue } from './internal/request'
import { bool, first, int, many, one, requiredInt, struct, text, type Extra, type XmlElement } from './internal/xml'

/** A news subscriber (an e-mail address) as `GET /News/Subscriber` answers it. */
export interface NewsSubscriber {
  readonly id: number
  /** Always 0 for subscribers added through the API. */
  readonly tGroupId: number
  /** Filled by the server when a user with that e-mail address exists; else 0. */
  readonly userId: number
  /** Trimmed and lower-cased by the server. */
  readonly email: string
  readonly isValidated: boolean
  readonly userGroupId: number
  readonly extra: Extra
}

/** The fields of a new subscriber, for {@link post}. */
export interface NewNewsSubscriber {
  readonly email: string
  /** Default: not validated (the subscriber gets a validation e-mail). */
  readonly isValidated?: boolean
  /**
   * Default `true` (the server's default): a validation e-mail, or a welcome e-mail for a validated subscriber.
   * Send `false` to add subscribers silently.
   */
  readonly sendEmails?: boolean
}

/** Only the address can change. */
export interface NewsSubscriberUpdate {
  readonly email: string
}

const subscriber: Decoder<XmlElement, NewsSubscriber> = /*#__PURE__*/ struct('newssubscriber', {
  id: requiredInt('id'),
  tGroupId: int('tgroupid'),
  userId: int('userid'),
  email: text('email'),
  isValidated: bool('isvalidated'),
  userGroupId: int('usergroupid')
})

const subscribers = /*#__PURE__*/ many('newssubscribers', 'newssubscriber', subscriber)
const oneSubscriber = /*#__PURE__*/ first(subscribers)
const echoedSubscriber = /*#__PURE__*/ one(subscribers)

const ROUTE = '/News/Subscriber'

/** Every subscriber, by id. */
export const all = (): ClassicRequest<ReadonlyArray<NewsSubscriber>> => getRequest('NewsSubscriber.all', ROUTE, subscribers)

/** One subscriber; `none` when there is no such id. */
export const get = (id: number): ClassicRequest<O.Option<NewsSubscriber>> =>
  getRequest('NewsSubscriber.get', `${ROUTE}/${segment(id)}`, oneSubscriber, { issues: V.positiveInt('id', id) })

/** Every field of a new subscriber, described once: wire name and check. */
const FIELDS: Fields<NewNewsSubscriber, FormValue> = {
  email: { wire: 'email', check: V.email },
  isValidated: { wire: 'isvalidated', check: V.isBoolean },
  sendEmails: { wire: 'sendemails', check: V.isBoolean }
}

/** An update sends the address only, even when the caller spreads a subscriber into it. */
const UPDATE_FIELDS: Fields<NewsSubscriberUpdate, FormValue> = { email: { wire: 'email', check: V.email } }

const NEW_REQUIRED: RequiredFields<NewNewsSubscriber> = { email: true }
const UPDATE_REQUIRED: RequiredFields<NewsSubscriberUpdate> = { email: true }

/**
 * Subscribes an address: `POST /News/Subscriber`; the answer is the subscriber as stored. An address that is
 * already subscribed is a 400 `Subscription failed, please check if already subscribed`.
 */
export const post = (input: NewNewsSubscriber): ClassicRequest<NewsSubscriber> => {
  const issues = checkFields(FIELDS, NEW_REQUIRED, input)
  return postRequest('NewsSubscriber.post', ROUTE, echoedSubscriber, { issues, form: V.whenValid(issues, () => phpForm(wireValues(FIELDS, input))) })
}

/** Changes subscriber `id`'s address: `PUT /News/Subscriber/$id$`; the answer is the subscriber as stored. */
export const put = (id: number, input: NewsSubscriberUpdate): ClassicRequest<NewsSubscriber> => {
  const issues = V.issues(V.positiveInt('id', id), checkFields(UPDATE_FIELDS, UPDATE_REQUIRED, input))
  return putRequest('NewsSubscriber.put', `${ROUTE}/${segment(id)}`, echoedSubscriber, {
    issues,
    form: V.whenValid(issues, () => phpForm(wireValues(UPDATE_FIELDS, input)))
  })
}

/** Deletes a subscriber; an unknown id is a 400 `Invalid news subscriber ID`. */
const del = (id: number): ClassicRequest<void> => deleteRequest('NewsSubscriber.delete', `${ROUTE}/${segment(id)}`, { issues: V.positiveInt('id', id) })

export { del as delete, get as find, post as save, put as update, del as destroy }
