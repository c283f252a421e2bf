/** Classic users: search (`POST /Base/UserSearch`) and one user by id or e-mail. */
import { z } from 'zod'
import * as E from '../../core/either'
import * as User from '../../classic/User'
import { offsetOf } from '../cursor'
import { attempt, invalid } from '../errors'
import { cursorArg, limitArg, pageShape, slice } from '../format'
import { defineTool, READ } from '../tool'
import { userLine, userOf, userShape } from './shapes'

export const searchUsers = /*#__PURE__*/ (() =>
  defineTool({
    name: 'classic_search_users',
    api: 'classic',
    title: 'Search Classic users',
    description:
      'Finds Kayako Classic users (customers) by e-mail, full name, phone, organization name or user group. Use it ' +
      'to identify a requester; then classic_get_user for the details, or classic_list_tickets with userIds for their tickets.',
    input: {
      query: z.string().min(1).describe('Text matched against e-mail, full name, phone, organization and user group.'),
      phrase: z.boolean().optional().describe('Match the query as a phrase (Kayako 4.98.8).'),
      limit: limitArg(20, 100),
      cursor: cursorArg
    },
    output: pageShape(userShape),
    access: 'read',
    annotations: READ,
    run: async (args, { classic }) => {
      const offset = offsetOf('classic_search_users', args.cursor)
      if (E.isLeft(offset)) return offset
      const found = await attempt(classic(User.search({ query: args.query, ...(args.phrase === undefined ? {} : { phrase: args.phrase }) })))
      if (E.isLeft(found)) return found
      const result = slice('classic_search_users', found.right.map(userOf), offset.right, args.limit)
      const text =
        result.items.length === 0
          ? `No users match "${args.query}".`
          : [...result.items.map(userLine), result.next === null ? '(last page)' : '(more: call again with `cursor` set to `next`)'].join('\n')
      return E.right({ structured: result, text })
    }
  }))()

export const getUser = /*#__PURE__*/ (() =>
  defineTool({
    name: 'classic_get_user',
    api: 'classic',
    title: 'Get a Classic user',
    description:
      'One Kayako Classic user (customer) by id or by e-mail address: name, addresses, role, group, organization, ' +
      'phone, status. Use it for customer context before answering a ticket (the ticket gives the userId).',
    input: {
      userId: z.number().int().positive().optional().describe("The user id (a ticket's userId)."),
      email: z.email().optional().describe('Or an e-mail address of the user.')
    },
    output: { user: userShape },
    access: 'read',
    annotations: READ,
    run: async (args, { classic }) => {
      if ((args.userId === undefined) === (args.email === undefined))
        return E.left(invalid('Give exactly one of userId and email.', 'Pass userId (from a ticket) or email, not both.'))
      let user: User.User | undefined
      if (args.userId !== undefined) {
        const found = await attempt(classic(User.get(args.userId)))
        if (E.isLeft(found)) return found
        user = found.right._tag === 'Some' ? found.right.value : undefined
      } else {
        const email = (args.email ?? '').toLowerCase()
        const found = await attempt(classic(User.search({ query: email })))
        if (E.isLeft(found)) return found
        user = found.right.find((u) => u.emails.some((e) => e.toLowerCase() === email))
      }
      if (user === undefined)
        return E.left({
          kind: 'NotFound',
          message: args.userId === undefined ? `No user has the e-mail address ${args.email ?? ''}.` : `No user has the id ${args.userId}.`,
          hint: 'Check the id or address, or search with classic_search_users.'
        })
      const shaped = userOf(user)
      return E.right({
        structured: { user: shaped },
        text: userLine(shaped) + `\nPhone: ${shaped.phone || '-'}; designation: ${shaped.designation || '-'}; since ${shaped.createdAt ?? 'unknown'}`
      })
    }
  }))()
