/**
 * The v1 writes, registered only when the server enables writes: `v1_create_case` and `v1_reply_case` reach the
 * customer (`customer-visible`: the server adds and checks `confirm: true`), `v1_add_note`, `v1_update_case` and
 * `v1_add_tags` only agents see. Nothing here deletes, trashes or replaces tags.
 */
import { z } from 'zod'
import * as E from '../../core/either'
import * as Case from '../../v1/Case'
import * as Channel from '../../v1/Channel'
import { isReference } from '../../v1/internal/codec'
import type { V1Executor } from '../../v1/internal/executor'
import { withOptions } from '../../v1/internal/request'
import { attempt, invalid } from '../errors'
import { iso } from '../format'
import { ADD, CHANGE, defineTool } from '../tool'
import { CASE_INCLUDE, caseLine, caseSchema, caseSummary } from './shape'

const caseId = /*#__PURE__*/ z.number().int().positive().describe('The case id.')
const html = /*#__PURE__*/ z.boolean().optional().describe('`contents` is HTML (default: plain text).')
const id = (what: string) => z.number().int().positive().optional().describe(`The ${what} id (v1_list_case_options lists them).`)

/** The case as the other tools show it, read again after a write. */
const readCase = async (run: V1Executor, caseId: number) => attempt(run(withOptions({ include: CASE_INCLUDE, fields: '+tags' })(Case.get(caseId))))

const CHANNELS = ['MAIL', 'TWITTER', 'FACEBOOK', 'NOTE'] as const

/** The account id of the requester's first channel of `type` (a MAIL case needs its mailbox). */
const channelIdFor = async (run: V1Executor, requesterId: number, type: string) => {
  const channels = await attempt(run(Channel.all({ userId: requesterId })))
  if (E.isLeft(channels)) return channels
  const account = channels.right.find((c) => c.type === type)?.account ?? null
  const accountId = account === null ? undefined : isReference(account) ? account.id : account.id
  const n = typeof accountId === 'string' && /^\d+$/.test(accountId) ? Number(accountId) : accountId
  return typeof n === 'number'
    ? E.right(n)
    : E.left(invalid(`channelId: the requester has no ${type} channel.`, 'Pick a channel and its channelId from v1_list_case_options, or use channel NOTE.'))
}

const createCase = /*#__PURE__*/ defineTool({
  name: 'v1_create_case',
  api: 'v1',
  title: 'Create a Kayako case (v1)',
  description:
    'Opens a new case on the Kayako (v1) helpdesk for a requester, with its first message. On the MAIL channel (the default) ' +
    'the requester is e-mailed: customer-visible. Use channel NOTE for a case that starts with an internal note. Find the ' +
    'requester id with v1_get_user (by e-mail) and ids for status, priority, team with v1_list_case_options.',
  input: {
    subject: z.string().trim().min(1),
    contents: z.string().trim().min(1).describe('The first message.'),
    requesterId: z.number().int().positive().describe('The customer the case is for (v1_get_user finds them by e-mail).'),
    channel: z.enum(CHANNELS).optional().describe('MAIL (default), TWITTER, FACEBOOK, or NOTE (internal, nobody is e-mailed).'),
    channelId: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("The mailbox or account id (v1_list_case_options); default: the requester's first of `channel`."),
    html,
    statusId: id('status'),
    priorityId: id('priority'),
    typeId: id('type'),
    assignedTeamId: id('team'),
    assignedAgentId: z.number().int().positive().optional().describe('The agent’s user id.'),
    tags: z.array(z.string().trim().min(1)).min(1).optional()
  },
  output: { case: caseSchema },
  access: 'customer-visible',
  annotations: ADD,
  run: async (args, apis) => {
    const channel = args.channel ?? 'MAIL'
    let channelId = args.channelId
    if (channel !== 'NOTE' && channelId === undefined) {
      const found = await channelIdFor(apis.v1, args.requesterId, channel)
      if (E.isLeft(found)) return found
      channelId = found.right
    }
    const created = await attempt(
      apis.v1(
        withOptions({ include: CASE_INCLUDE, fields: '+tags' })(
          Case.post({
            subject: args.subject,
            contents: args.contents,
            channel,
            requesterId: args.requesterId,
            ...(channelId === undefined || channel === 'NOTE' ? {} : { channelId }),
            ...(args.html === true ? { channelOptions: { html: true } } : {}),
            ...(args.statusId === undefined ? {} : { statusId: args.statusId }),
            ...(args.priorityId === undefined ? {} : { priorityId: args.priorityId }),
            ...(args.typeId === undefined ? {} : { typeId: args.typeId }),
            ...(args.assignedTeamId === undefined ? {} : { assignedTeamId: args.assignedTeamId }),
            ...(args.assignedAgentId === undefined ? {} : { assignedAgentId: args.assignedAgentId }),
            ...(args.tags === undefined ? {} : { tags: args.tags })
          })
        )
      )
    )
    if (E.isLeft(created)) return created
    const summary = caseSummary(created.right)
    return E.right({ structured: { case: summary }, text: `Created case on ${channel}:\n${caseLine(summary)}` })
  }
})

const replyCase = /*#__PURE__*/ defineTool({
  name: 'v1_reply_case',
  api: 'v1',
  title: 'Reply to a Kayako case (v1)',
  description:
    'Sends a public reply on a Kayako (v1) case, on the case’s own channel: the requester receives it (customer-visible). ' +
    'Optionally sets the status with it (e.g. Pending). For a remark only agents see use v1_add_note instead. Read the ' +
    'case with v1_get_case first.',
  input: {
    caseId,
    contents: z.string().trim().min(1).describe('The reply, as the customer will read it.'),
    html,
    statusId: id('status')
  },
  output: { postIds: z.array(z.number()).describe('The posts the reply created.'), case: caseSchema },
  access: 'customer-visible',
  annotations: ADD,
  run: async (args, apis) => {
    const replied = await attempt(
      apis.v1(
        Case.reply(args.caseId, {
          contents: args.contents,
          ...(args.html === true ? { channelOptions: { html: true } } : {}),
          ...(args.statusId === undefined ? {} : { statusId: args.statusId })
        })
      )
    )
    if (E.isLeft(replied)) return replied
    const kase = await readCase(apis.v1, args.caseId)
    if (E.isLeft(kase)) return kase
    const postIds = replied.right.posts.flatMap((p) => (typeof p.id === 'number' ? [p.id] : []))
    const summary = caseSummary(kase.right)
    return E.right({
      structured: { postIds, case: summary },
      text: `Replied on case #${args.caseId} (post ${postIds.map((p) => `#${p}`).join(', ')}):\n${caseLine(summary)}`
    })
  }
})

const addNote = /*#__PURE__*/ defineTool({
  name: 'v1_add_note',
  api: 'v1',
  title: 'Add an internal note to a Kayako case (v1)',
  description:
    'Adds an internal note to a Kayako (v1) case: only agents see it, the requester is not told. Use it to record findings, ' +
    'hand-over context or a draft for a colleague. To answer the customer use v1_reply_case.',
  input: { caseId, contents: z.string().trim().min(1), html },
  output: { noteId: z.number(), caseId: z.number(), createdAt: z.string().nullable() },
  access: 'write',
  annotations: ADD,
  run: async (args, apis) => {
    const note = await attempt(apis.v1(Case.addNote(args.caseId, { contents: args.contents, ...(args.html === true ? { isHtml: true } : {}) })))
    if (E.isLeft(note)) return note
    return E.right({
      structured: { noteId: note.right.id, caseId: args.caseId, createdAt: iso(note.right.createdAt) },
      text: `Added internal note #${note.right.id} to case #${args.caseId}.`
    })
  }
})

const updateCase = /*#__PURE__*/ defineTool({
  name: 'v1_update_case',
  api: 'v1',
  title: 'Update a Kayako case (v1)',
  description:
    'Changes fields of a Kayako (v1) case: status, priority, type, assigned team or agent, subject, form, custom field ' +
    'values. Only the fields given change; nothing is sent to the requester. Ids and field keys come from ' +
    'v1_list_case_options. To add tags use v1_add_tags.',
  input: {
    caseId,
    subject: z.string().trim().min(1).optional(),
    statusId: id('status'),
    priorityId: id('priority'),
    typeId: id('type'),
    assignedTeamId: id('team'),
    assignedAgentId: z.number().int().positive().optional().describe('The agent’s user id.'),
    formId: id('form'),
    fieldValues: z.record(z.string(), z.string()).optional().describe('Custom field values by field key; a select field takes its option id.')
  },
  output: { case: caseSchema },
  access: 'write',
  annotations: CHANGE,
  run: async (args, apis) => {
    const { caseId: target, ...changes } = args
    const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined))
    if (Object.keys(given).length === 0)
      return E.left(invalid('Nothing to change: give at least one field.', 'Pass e.g. `statusId` (v1_list_case_options lists the ids).'))
    const updated = await attempt(apis.v1(withOptions({ include: CASE_INCLUDE, fields: '+tags' })(Case.put(target, given))))
    if (E.isLeft(updated)) return updated
    const summary = caseSummary(updated.right)
    return E.right({ structured: { case: summary }, text: `Updated case #${target} (${Object.keys(given).join(', ')}):\n${caseLine(summary)}` })
  }
})

const addTags = /*#__PURE__*/ defineTool({
  name: 'v1_add_tags',
  api: 'v1',
  title: 'Tag a Kayako case (v1)',
  description: 'Adds tags to a Kayako (v1) case, keeping its other tags (nothing is removed). Only agents see tags.',
  input: { caseId, tags: z.array(z.string().trim().min(1)).min(1).describe('The tags to add.') },
  output: { caseId: z.number(), tags: z.array(z.string()).describe('Every tag of the case now.') },
  access: 'write',
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  run: async (args, apis) => {
    const tags = await attempt(apis.v1(Case.addTags(args.caseId, args.tags)))
    if (E.isLeft(tags)) return tags
    const names = tags.right.map((t) => t.name)
    return E.right({ structured: { caseId: args.caseId, tags: names }, text: `Case #${args.caseId} tags: ${names.join(', ')}` })
  }
})

export const WRITE_TOOLS = [createCase, replyCase, addNote, updateCase, addTags] as const
