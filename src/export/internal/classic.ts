/**
 * The Classic export: the phases in dependency order over the resource modules, read element by element (each list is
 * fetched once as an element tree and each item decoded on its own with the module's own decoder, so an item that
 * does not decode is an `error` event with its XML, and its neighbours are kept).
 */
import * as E from '../../core/either'
import { excerpt, parseError, scrub, validationError, type KayakoError } from '../../core/error'
import { decode } from '../../core/pipeline'
import type { ClassicExecutor } from '../../classic/internal/executor'
import { byOffset } from '../../classic/internal/pages'
import type { ClassicRequest } from '../../classic/internal/request'
import type { XmlElement, XmlNode } from '../../classic/internal/xml'
import * as CustomField from '../../classic/CustomField'
import * as Department from '../../classic/Department'
import * as KnowledgebaseArticle from '../../classic/KnowledgebaseArticle'
import * as KnowledgebaseAttachment from '../../classic/KnowledgebaseAttachment'
import * as KnowledgebaseCategory from '../../classic/KnowledgebaseCategory'
import * as NewsCategory from '../../classic/NewsCategory'
import * as NewsItem from '../../classic/NewsItem'
import * as Staff from '../../classic/Staff'
import * as StaffGroup from '../../classic/StaffGroup'
import * as Ticket from '../../classic/Ticket'
import * as TicketAttachment from '../../classic/TicketAttachment'
import * as TicketCustomField from '../../classic/TicketCustomField'
import * as TicketNote from '../../classic/TicketNote'
import * as TicketPost from '../../classic/TicketPost'
import * as TicketPriority from '../../classic/TicketPriority'
import * as TicketStatus from '../../classic/TicketStatus'
import * as TicketTimeTrack from '../../classic/TicketTimeTrack'
import * as TicketType from '../../classic/TicketType'
import * as TroubleshooterAttachment from '../../classic/TroubleshooterAttachment'
import * as TroubleshooterCategory from '../../classic/TroubleshooterCategory'
import * as TroubleshooterStep from '../../classic/TroubleshooterStep'
import * as User from '../../classic/User'
import * as UserGroup from '../../classic/UserGroup'
import * as UserOrganization from '../../classic/UserOrganization'
import { changedSince, failure, idOf, ordered, RAW_LIMIT, readOnly, type Context, type Phase, type Step } from './engine'

/** Tickets per `ListAll` page, and users per marker page. */
export const TICKET_PAGE_SIZE = 100
export const USER_PAGE_SIZE = 200

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** An element back as XML text, for an `error` event's `raw`. */
const xmlText = (node: XmlNode): string =>
  typeof node === 'string'
    ? escape(node)
    : `<${node.tagName}${Object.entries(node.attributes)
        .map(([k, v]) => (v === null ? ` ${k}` : ` ${k}="${escape(v).replace(/"/g, '&quot;')}"`))
        .join('')}>${node.children.map(xmlText).join('')}</${node.tagName}>`

const tree = { decode: (root: XmlElement) => E.right(root) }

/** One item of a list: decoded, or why not with its XML. */
type Item<A> = { readonly ok: true; readonly value: A } | { readonly ok: false; readonly error: KayakoError; readonly raw: string; readonly id: string }

/** Runs a read (GETs only, damaged answers read again). */
const read = <A>(run: ClassicExecutor, req: ClassicRequest<A>, damaged?: (a: A) => KayakoError | undefined): Promise<E.Either<KayakoError, A>> =>
  readOnly(run, req, damaged)

const childText = (el: XmlElement, name: string): string => {
  const child = el.children.find((c): c is XmlElement => typeof c !== 'string' && c.tagName === name)
  return child === undefined ? '' : child.children.filter((c): c is string => typeof c === 'string').join('')
}

/** A list, each element decoded on its own by the request's own decoder. */
const readEach = async <A>(
  ctx: Context,
  run: ClassicExecutor,
  req: ClassicRequest<ReadonlyArray<A>>
): Promise<E.Either<KayakoError, ReadonlyArray<Item<A>>>> => {
  if (req.response._tag !== 'Xml') return E.right([])
  const decoder = req.response.decoder
  const root = await read(run, { ...req, response: { _tag: 'Xml', decoder: tree } })
  if (E.isLeft(root)) return root
  const items: Array<Item<A>> = []
  for (const child of root.right.children) {
    if (typeof child === 'string') continue
    const one = decode(req.operation, decoder, { ...root.right, children: [child] })
    if (E.isRight(one)) for (const value of one.right) items.push({ ok: true, value })
    else items.push({ ok: false, error: one.left, raw: scrub(excerptOf(xmlText(child)), ctx.secrets), id: childText(child, 'id') })
  }
  return E.right(items)
}

const excerptOf = (text: string): string => (text.length > RAW_LIMIT ? excerpt(text.slice(0, RAW_LIMIT)) : text)

/** One answer, decoded whole; when it does not decode, the error with its XML. */
const readOne = async <A>(
  ctx: Context,
  run: ClassicExecutor,
  req: ClassicRequest<A>,
  damaged?: (a: A) => KayakoError | undefined
): Promise<E.Either<{ error: KayakoError; raw?: string }, A>> => {
  if (req.response._tag !== 'Xml') return E.left({ error: validationError(req.operation, [{ path: 'response', message: 'no answer to read' }]) })
  const decoder = req.response.decoder
  let value: E.Either<KayakoError, A> = E.left(validationError(req.operation, []))
  const root = await read(run, { ...req, response: { _tag: 'Xml', decoder: tree } }, (el) => {
    // decoded inside the read, so that a damaged file is read again
    value = decode(req.operation, decoder, el)
    return E.isRight(value) ? damaged?.(value.right) : undefined
  })
  if (E.isLeft(root)) return E.left({ error: root.left })
  return E.isRight(value) ? value : E.left({ error: value.left, raw: scrub(excerptOf(xmlText(root.right)), ctx.secrets) })
}

const record = (resource: string, value: unknown, id = idOf(value)): Step => ({ type: 'record', resource, id, record: value })

/** The steps of one list: a record per item that decodes, an error per item (or for the list) that does not. */
const listSteps = async <A>(
  ctx: Context,
  run: ClassicExecutor,
  resource: string,
  req: ClassicRequest<ReadonlyArray<A>>,
  keep: (a: A) => boolean = () => true
) => {
  const items = await readEach(ctx, run, req)
  if (E.isLeft(items)) return { steps: [failure(resource, items.left)], values: [] as Array<A> }
  const steps: Array<Step> = []
  const values: Array<A> = []
  for (const item of items.right) {
    if (!item.ok) steps.push(failure(resource, item.error, item.raw, item.id))
    else if (keep(item.value)) {
      steps.push(record(resource, item.value))
      values.push(item.value)
    }
  }
  return { steps, values }
}

/** A resource read in one request (its children, when any, read per item by `children`). */
const simple =
  <A>(
    resource: string,
    request: () => ClassicRequest<ReadonlyArray<A>>,
    children: ReadonlyArray<string> = [],
    perItem?: (ctx: Context, run: ClassicExecutor, item: A) => Promise<ReadonlyArray<Step>>
  ) =>
  (run: ClassicExecutor): Phase => ({
    resource,
    children,
    run: async function* (ctx) {
      const { steps, values } = await listSteps(ctx, run, resource, request())
      if (perItem === undefined) {
        yield* steps
        return
      }
      // records first in list order, each followed by its children (fetched ahead, in order)
      let i = 0
      for (const step of steps) {
        yield step
        if (step.type !== 'record') continue
        const value = values[i++] as A
        yield* await perItem(ctx, run, value)
      }
    }
  })

/** Content attachments (knowledgebase, troubleshooter): listed with their bytes. */
const contentFiles = async <A extends { readonly id: number; readonly fileName: string; readonly contents: Uint8Array }>(
  ctx: Context,
  run: ClassicExecutor,
  resource: string,
  owner: { readonly resource: string; readonly id: string },
  req: ClassicRequest<ReadonlyArray<A>>
): Promise<ReadonlyArray<Step>> => {
  if (!ctx.wanted(resource)) return []
  const { steps } = await listSteps(ctx, run, resource, req)
  return steps.flatMap((step): Array<Step> => {
    if (step.type !== 'record') return [step]
    const { contents, ...meta } = step.record as A
    return [
      { ...step, record: meta },
      { type: 'file', resource, id: step.id, name: meta.fileName, bytes: contents, owner }
    ]
  })
}

/** Users, by marker (the next marker is the last id + 1; an undecodable last user is skipped by its `<id>`). */
const users = (run: ClassicExecutor): Phase => ({
  resource: 'users',
  children: [],
  run: async function* (ctx, cursor) {
    let marker = typeof cursor === 'number' ? cursor : 1
    for (;;) {
      const walk = User.everyPage({ pageSize: USER_PAGE_SIZE, marker })
      const items = await readEach(ctx, run, walk.request(marker))
      if (E.isLeft(items)) {
        yield failure('users', items.left)
        return
      }
      let last = marker - 1
      for (const item of items.right) {
        if (item.ok) {
          last = Math.max(last, item.value.id)
          if (changedSince(ctx.options.since, item.value.dateline, item.value.lastVisit)) yield record('users', item.value)
        } else {
          last = Math.max(last, Number(item.id) || last)
          yield failure('users', item.error, item.raw, item.id)
        }
      }
      if (items.right.length < USER_PAGE_SIZE) return
      marker = last + 1
      yield { type: 'at', cursor: marker }
    }
  }
})

/** What one ticket brings: its record, then its posts, notes, time tracks, custom field values and attachments. */
const ticketSteps = async (ctx: Context, run: ClassicExecutor, ticket: Ticket.Ticket): Promise<ReadonlyArray<Step>> => {
  const owner = { resource: 'tickets', id: String(ticket.id) }
  const steps: Array<Step> = [record('tickets', ticket)]
  if (ctx.wanted('ticket-posts')) steps.push(...(await listSteps(ctx, run, 'ticket-posts', TicketPost.all(ticket.id))).steps)
  if (ctx.wanted('ticket-notes')) steps.push(...(await listSteps(ctx, run, 'ticket-notes', TicketNote.all(ticket.id))).steps)
  if (ctx.wanted('ticket-time-tracks')) steps.push(...(await listSteps(ctx, run, 'ticket-time-tracks', TicketTimeTrack.all(ticket.id))).steps)
  if (ctx.wanted('ticket-custom-fields')) {
    const groups = await readEach(ctx, run, TicketCustomField.get(ticket.id))
    if (E.isLeft(groups)) steps.push(failure('ticket-custom-fields', groups.left, undefined, String(ticket.id)))
    else {
      const values = []
      for (const g of groups.right) {
        if (g.ok) values.push(g.value)
        else steps.push(failure('ticket-custom-fields', g.error, g.raw, String(ticket.id)))
      }
      steps.push(record('ticket-custom-fields', { ticketId: ticket.id, groups: values }, String(ticket.id)))
    }
  }
  if (ctx.wanted('ticket-attachments')) {
    const { steps: listed, values } = await listSteps(ctx, run, 'ticket-attachments', TicketAttachment.all(ticket.id))
    let i = 0
    for (const step of listed) {
      steps.push(step)
      if (step.type !== 'record') continue
      const meta = values[i++] as TicketAttachment.TicketAttachment
      if (ctx.options.haveFile?.('ticket-attachments', step.id) === true) continue
      const file = await readOne(ctx, run, TicketAttachment.get(ticket.id, meta.id), (f) =>
        meta.fileSize > 0 && f.contents.length !== meta.fileSize
          ? parseError('TicketAttachment.get', `${f.contents.length} bytes of ${meta.fileSize}`, '')
          : undefined
      )
      if (E.isLeft(file)) steps.push(failure('ticket-attachments', file.left.error, file.left.raw, step.id))
      else steps.push({ type: 'file', resource: 'ticket-attachments', id: step.id, name: meta.fileName, bytes: file.right.contents, owner })
    }
  }
  return steps
}

type TicketItem = { readonly kind: 'ticket'; readonly ticket: Ticket.Ticket } | { readonly kind: 'step'; readonly step: Step }

/**
 * Tickets of every department in every status, by `ListAll` count/start (sorted by id, so a page boundary stays put);
 * the cursor is the next start. Each ticket's children are fetched ahead in a window of `concurrency` tickets.
 */
const tickets = (run: ClassicExecutor): Phase => {
  const filter = async () => {
    const [departments, statuses] = await Promise.all([read(run, Department.all()), read(run, TicketStatus.all())])
    if (E.isLeft(departments)) return departments
    if (E.isLeft(statuses)) return statuses
    return E.right({ departmentIds: departments.right.map((d) => d.id), statusIds: statuses.right.map((s) => s.id) })
  }
  return {
    resource: 'tickets',
    children: ['ticket-posts', 'ticket-notes', 'ticket-time-tracks', 'ticket-custom-fields', 'ticket-attachments'],
    total: async (ctx) => {
      if (ctx.options.shard !== undefined || ctx.options.since !== undefined) return undefined
      const f = await filter()
      if (E.isLeft(f) || f.right.departmentIds.length === 0) return undefined
      const n = await read(run, Ticket.count(f.right))
      return E.isRight(n) ? n.right : undefined
    },
    run: async function* (ctx, cursor) {
      const f = await filter()
      if (E.isLeft(f)) {
        yield failure('tickets', f.left)
        return
      }
      if (f.right.departmentIds.length === 0) return
      const ids = f.right
      const walk = byOffset((start, count) => Ticket.all({ ...ids, count, start, sortField: 'ticketid', sortOrder: 'ASC' }), { pageSize: TICKET_PAGE_SIZE })
      const source = async function* (): AsyncGenerator<TicketItem> {
        let start = typeof cursor === 'number' ? cursor : 0
        for (;;) {
          const items = await readEach(ctx, run, walk.request(start))
          if (E.isLeft(items)) {
            yield { kind: 'step', step: failure('tickets', items.left) }
            return
          }
          for (const item of items.right) {
            if (!item.ok) yield { kind: 'step', step: failure('tickets', item.error, item.raw, item.id) }
            else if (ctx.inShard(item.value.id) && changedSince(ctx.options.since, item.value.lastActivity, item.value.creationTime))
              yield { kind: 'ticket', ticket: item.value }
          }
          if (items.right.length < TICKET_PAGE_SIZE) return
          start += TICKET_PAGE_SIZE
          yield { kind: 'step', step: { type: 'at', cursor: start } }
        }
      }
      const work = (item: TicketItem): Promise<ReadonlyArray<Step>> =>
        item.kind === 'step' ? Promise.resolve([item.step]) : ticketSteps(ctx, run, item.ticket)
      for await (const steps of ordered(source(), ctx.concurrency, work)) yield* steps
    }
  }
}

/** Knowledgebase articles, each followed by its attachments. */
const kbArticles = /*#__PURE__*/ simple(
  'knowledgebase-articles',
  () => KnowledgebaseArticle.all(),
  ['knowledgebase-attachments'],
  (ctx, run, article: KnowledgebaseArticle.KnowledgebaseArticle) =>
    contentFiles(ctx, run, 'knowledgebase-attachments', { resource: 'knowledgebase-articles', id: String(article.id) }, KnowledgebaseAttachment.all(article.id))
)

/** Troubleshooter steps, each followed by its attachments. */
const troubleshooterSteps = /*#__PURE__*/ simple(
  'troubleshooter-steps',
  () => TroubleshooterStep.all(),
  ['troubleshooter-attachments'],
  (ctx, run, step: TroubleshooterStep.TroubleshooterStep) =>
    contentFiles(ctx, run, 'troubleshooter-attachments', { resource: 'troubleshooter-steps', id: String(step.id) }, TroubleshooterAttachment.all(step.id))
)

/** Custom fields, each followed by its options. */
const customFields = /*#__PURE__*/ simple(
  'custom-fields',
  () => CustomField.all(),
  ['custom-field-options'],
  async (ctx, run, field: CustomField.CustomField) =>
    ctx.wanted('custom-field-options') ? (await listSteps(ctx, run, 'custom-field-options', CustomField.options(field.id))).steps : []
)

/** The Classic phases in export order (`CLASSIC_RESOURCES`). */
export const classicPhases = (run: ClassicExecutor): ReadonlyArray<Phase> => [
  simple('departments', () => Department.all())(run),
  simple('staff-groups', () => StaffGroup.all())(run),
  simple('staff', () => Staff.all())(run),
  simple('user-groups', () => UserGroup.all())(run),
  simple('organizations', () => UserOrganization.all())(run),
  users(run),
  simple('ticket-statuses', () => TicketStatus.all())(run),
  simple('ticket-priorities', () => TicketPriority.all())(run),
  simple('ticket-types', () => TicketType.all())(run),
  simple('custom-field-groups', () => CustomField.groups())(run),
  customFields(run),
  tickets(run),
  simple('knowledgebase-categories', () => KnowledgebaseCategory.all())(run),
  kbArticles(run),
  simple('news-categories', () => NewsCategory.all())(run),
  simple('news-items', () => NewsItem.all())(run),
  simple('troubleshooter-categories', () => TroubleshooterCategory.all())(run),
  troubleshooterSteps(run)
]
