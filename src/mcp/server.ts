/**
 * `createMcpServer`: the MCP server over kayako-fp's executors. It registers the tools of the APIs it was given
 * (writes only with `writes: true`), the ticket/case/view resources and the prompts, and is the one place where a
 * tool's typed answer becomes an MCP result: structured content plus capped text, or an `isError` result carrying a
 * `ToolError`. Customer-visible writes take `confirm: true`, checked here for every tool.
 */
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js'
import type { CallToolResult, GetPromptResult, ReadResourceResult } from '@modelcontextprotocol/sdk/types.js'
import { z } from 'zod'
import type { ClassicExecutor } from '../classic'
import { causeText, scrubValue } from '../core/error'
import * as E from '../core/either'
import type { V1Executor } from '../v1'
import { CLASSIC_TOOLS } from './classic'
import { getTicket } from './classic/tickets'
import { capText } from './format'
import type { Apis, ToolDefinition, ToolError, ToolOutcome } from './tool'
import { V1_TOOLS, caseDocument, viewDocument } from './v1'

/** Options of `createMcpServer`: the executors (one or both) and whether writes exist. */
export interface McpServerOptions extends Apis {
  /** Register the write tools (default false: reads only). Customer-visible writes still need `confirm: true`. */
  readonly writes?: boolean
  /**
   * Credentials and other texts that must never appear in an answer (the executors scrub their errors already; this
   * is the last line, over every result, resource and prompt).
   */
  readonly secrets?: ReadonlyArray<string>
  /**
   * How long the helpdesk last asked to wait, in seconds, when it is still asking (`undefined` otherwise): added to a
   * `RateLimited` tool error, whose `Retry-After` the library's errors do not carry. `kayako mcp` reads it off its
   * transport.
   */
  readonly retryAfter?: () => number | undefined
  /** The server's name and version as clients see them (default `kayako-fp`, the package version). */
  readonly name?: string
  readonly version?: string
}

const INSTRUCTIONS = /*#__PURE__*/ [
  'Tools for a Kayako helpdesk, named by API: classic_… for Kayako Classic (tickets), v1_… for Kayako v1 (cases).',
  'Search or list first, then read one record in full (classic_get_ticket, v1_get_case). Lookup tools map labels',
  '(statuses, priorities, staff) to the ids the other tools take. Lists answer { items, next }: pass `next` as `cursor`.',
  'Errors carry kind, message and hint: follow the hint. Writes exist only when the operator enabled them; replies and',
  'new tickets/cases reach the customer and need confirm: true, which you set only after the user approved the text.'
].join(' ')

/** The `confirm` argument a customer-visible write gets from the server. */
const CONFIRM = /*#__PURE__*/ (() =>
  z.boolean().optional().describe('Must be true: this reaches the customer. Set it only once the user has approved the exact text.'))()

const confirmationRequired = (tool: string): ToolError => ({
  kind: 'ConfirmationRequired',
  message: `${tool} writes something the customer sees; it was called without confirm: true, so nothing was sent.`,
  hint: 'Show the user what will be sent, and call again with confirm: true once they approve.'
})

const errorResult = (error: ToolError): CallToolResult => ({ isError: true, content: [{ type: 'text', text: JSON.stringify({ error }, null, 2) }] })

const outcomeResult = (outcome: ToolOutcome<unknown>): CallToolResult => ({
  content: [{ type: 'text', text: capText(outcome.text) }],
  structuredContent: outcome.structured as Record<string, unknown>
})

/** Runs a tool; a tool that throws (it should not) is an `InternalError`, never a crashed call. */
const runTool = async (
  tool: ToolDefinition,
  args: Record<string, unknown>,
  apis: Required<Apis>,
  retryAfter: () => number | undefined
): Promise<CallToolResult> => {
  if (tool.access === 'customer-visible' && args.confirm !== true) return errorResult(confirmationRequired(tool.name))
  const { confirm: _, ...rest } = args
  try {
    const outcome = await tool.run(rest, apis)
    if (E.isRight(outcome)) return outcomeResult(outcome.right)
    const wait = outcome.left.kind === 'RateLimited' && outcome.left.retryAfterSeconds === undefined ? retryAfter() : undefined
    return errorResult(wait === undefined ? outcome.left : { ...outcome.left, retryAfterSeconds: wait })
  } catch (thrown) {
    return errorResult({ kind: 'InternalError', message: `${tool.name} failed: ${causeText(thrown)}`, hint: 'Retry once; if it fails again, report it.' })
  }
}

/** The executors a tool may use: both are present for the tools registered (a tool only runs on its own API). */
const withBoth = (apis: Apis): Required<Apis> => apis as Required<Apis>

const resourceError = (uri: string, error: ToolError): ReadResourceResult => ({
  contents: [{ uri, mimeType: 'application/json', text: JSON.stringify({ error }, null, 2) }]
})

/** A resource id from its URI variable (a template variable may come as a list). */
const variable = (value: string | ReadonlyArray<string> | undefined): string => (Array.isArray(value) ? String(value[0] ?? '') : String(value ?? ''))

/** The text of a Classic ticket, as `classic_get_ticket` renders it. */
const ticketDocument = async (classic: ClassicExecutor, id: string): Promise<E.Either<ToolError, string>> => {
  const key = /^\d+$/.test(id) ? Number(id) : id
  const outcome = await getTicket.run({ ticketId: key }, { classic, v1: undefined as unknown as V1Executor })
  return E.isLeft(outcome) ? outcome : E.right(outcome.right.text)
}

/** Builds the server. Connect it to a transport (`StdioServerTransport`, `StreamableHTTPServerTransport`) to serve. */
export const createMcpServer = (options: McpServerOptions): McpServer => {
  const { classic, v1, writes = false, secrets = [], retryAfter = () => undefined } = options
  const apis = withBoth({ ...(classic === undefined ? {} : { classic }), ...(v1 === undefined ? {} : { v1 }) })
  const safe = <A>(value: A): A => scrubValue(value, secrets)
  const server = new McpServer({ name: options.name ?? 'kayako-fp', version: options.version ?? '0.1.0' }, { instructions: INSTRUCTIONS })

  const tools = [...(classic === undefined ? [] : CLASSIC_TOOLS), ...(v1 === undefined ? [] : V1_TOOLS)].filter((t) => writes || t.access === 'read')
  for (const tool of tools) {
    const input = tool.access === 'customer-visible' ? { ...tool.input, confirm: CONFIRM } : tool.input
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: input,
        outputSchema: tool.output,
        annotations: { title: tool.title, ...tool.annotations }
      },
      async (args: Record<string, unknown>) => safe(await runTool(tool, args, apis, retryAfter))
    )
  }

  const document = (read: (id: string) => Promise<E.Either<ToolError, string>>) => async (uri: URL, variables: Record<string, string | Array<string>>) => {
    const text = await read(variable(variables.id))
    return safe(E.isLeft(text) ? resourceError(uri.href, text.left) : { contents: [{ uri: uri.href, mimeType: 'text/plain', text: capText(text.right) }] })
  }
  const numeric =
    (read: (id: number) => Promise<E.Either<ToolError, string>>) =>
    (id: string): Promise<E.Either<ToolError, string>> =>
      /^\d+$/.test(id)
        ? read(Number(id))
        : Promise.resolve(E.left({ kind: 'ValidationError', message: `"${id}" is not an id.`, hint: 'Use a positive whole number.' }))

  if (classic !== undefined) {
    server.registerResource(
      'classic_ticket',
      new ResourceTemplate('kayako://classic/ticket/{id}', { list: undefined }),
      { title: 'Classic ticket', description: 'A Kayako Classic ticket with its whole conversation, as text (id or display id).', mimeType: 'text/plain' },
      document((id) => ticketDocument(classic, id))
    )
  }
  if (v1 !== undefined) {
    server.registerResource(
      'v1_case',
      new ResourceTemplate('kayako://v1/case/{id}', { list: undefined }),
      { title: 'v1 case', description: 'A Kayako v1 case with its requester and transcript, as text.', mimeType: 'text/plain' },
      document(numeric((id) => caseDocument(v1, id)))
    )
    server.registerResource(
      'v1_view',
      new ResourceTemplate('kayako://v1/view/{id}', { list: undefined }),
      { title: 'v1 view', description: 'The first page of cases of a Kayako v1 view, as text.', mimeType: 'text/plain' },
      document(numeric((id) => viewDocument(v1, id)))
    )
  }

  registerPrompts(server, { classic, v1, writes, safe })
  return server
}

type Api = 'classic' | 'v1'

interface PromptContext {
  readonly classic: ClassicExecutor | undefined
  readonly v1: V1Executor | undefined
  readonly writes: boolean
  readonly safe: <A>(value: A) => A
}

const registerPrompts = (server: McpServer, { classic, v1, writes, safe }: PromptContext): void => {
  const apis: ReadonlyArray<Api> = [...(classic === undefined ? [] : ['classic' as const]), ...(v1 === undefined ? [] : ['v1' as const])]
  const [firstApi] = apis
  if (firstApi === undefined) return
  const apiArg = z
    .enum(apis as [Api, ...Array<Api>])
    .optional()
    .describe(`classic (a ticket) or v1 (a case); default ${firstApi}.`)
  const idArg = z.string().min(1).describe('The ticket id or display id (Classic), or the case id (v1).')

  /** The record as text, embedded in the prompt, or a message saying why it could not be read. */
  const recordOf = async (api: Api, id: string): Promise<E.Either<ToolError, { uri: string; text: string }>> => {
    const uri = api === 'classic' ? `kayako://classic/ticket/${encodeURIComponent(id)}` : `kayako://v1/case/${id}`
    const text =
      api === 'classic' && classic !== undefined
        ? await ticketDocument(classic, id)
        : api === 'v1' && v1 !== undefined && /^\d+$/.test(id)
          ? await caseDocument(v1, Number(id))
          : E.left<ToolError, string>({ kind: 'ValidationError', message: `"${id}" is not a ${api} id.`, hint: 'Check the id.' })
    return E.isLeft(text) ? text : E.right({ uri, text: capText(text.right) })
  }

  const withRecord = async (api: Api, id: string, task: string): Promise<GetPromptResult> => {
    const record = await recordOf(api, id)
    const what = api === 'classic' ? `Kayako Classic ticket ${id}` : `Kayako v1 case ${id}`
    if (E.isLeft(record))
      return safe({
        messages: [
          {
            role: 'user',
            content: {
              type: 'text',
              text: `${task}\n\nThe ${what} could not be read (${record.left.kind}: ${record.left.message} ${record.left.hint}). Read it with ${api === 'classic' ? 'classic_get_ticket' : 'v1_get_case'} first.`
            }
          }
        ]
      })
    return safe({
      messages: [
        { role: 'user', content: { type: 'resource', resource: { uri: record.right.uri, mimeType: 'text/plain', text: record.right.text } } },
        { role: 'user', content: { type: 'text', text: `The ${what} is above. ${task}` } }
      ]
    })
  }

  server.registerPrompt(
    'summarize_ticket',
    {
      title: 'Summarize a ticket',
      description: 'Summarize a Classic ticket or v1 case: the problem, what was tried, where it stands, what is next.',
      argsSchema: { id: idArg, api: apiArg }
    },
    ({ id, api }) =>
      withRecord(
        api ?? firstApi,
        id,
        'Summarize it for an agent taking it over, in at most 8 bullet points: the customer and their problem, what was tried or promised, ' +
          'the current state (status, owner, waiting on whom), and the next step. Quote ids and dates exactly; do not invent facts.'
      )
  )

  const replyTool = (api: Api): string => (api === 'classic' ? 'classic_reply_ticket' : 'v1_reply_case')
  server.registerPrompt(
    'draft_reply',
    {
      title: 'Draft a reply',
      description: 'Draft a reply to the customer of a Classic ticket or v1 case, grounded in the conversation and the knowledge base.',
      argsSchema: { id: idArg, api: apiArg, guidance: z.string().optional().describe('What the reply should say or achieve (optional).') }
    },
    ({ id, api, guidance }) => {
      const chosen = api ?? firstApi
      const search = chosen === 'classic' ? 'classic_search_knowledgebase' : 'v1_search_articles'
      return withRecord(
        chosen,
        id,
        [
          'Draft the next reply to the customer: answer their latest message, in their language, friendly and concise.',
          guidance === undefined || guidance === '' ? '' : `The agent's guidance: ${guidance}`,
          `Where a help article would help, find one with ${search} and cite it.`,
          writes
            ? `Show the draft and wait for approval; only then send it with ${replyTool(chosen)} and confirm: true.`
            : 'Only draft: this server cannot send replies.'
        ]
          .filter((line) => line !== '')
          .join(' ')
      )
    }
  )

  if (v1 !== undefined) {
    server.registerPrompt(
      'triage_view',
      {
        title: 'Triage a view',
        description: 'Triage the cases of a Kayako v1 view: what is urgent, who should take what, what can wait.',
        argsSchema: { viewId: z.string().regex(/^\d+$/).describe('The view id (v1_list_views lists them).') }
      },
      async ({ viewId }) => {
        const text = await viewDocument(v1, Number(viewId))
        const task =
          'Triage these cases: group them into urgent (act today), needs an owner, waiting on the customer, and can wait; for each case give ' +
          'its id and one line of why. Suggest assignees only from names that appear. Read a case in full with v1_get_case when unsure.'
        if (E.isLeft(text))
          return safe({
            messages: [
              { role: 'user', content: { type: 'text', text: `View ${viewId} could not be read (${text.left.kind}: ${text.left.message}). ${text.left.hint}` } }
            ]
          })
        return safe({
          messages: [
            { role: 'user', content: { type: 'resource', resource: { uri: `kayako://v1/view/${viewId}`, mimeType: 'text/plain', text: capText(text.right) } } },
            { role: 'user', content: { type: 'text', text: `The cases of view ${viewId} are above. ${task}` } }
          ]
        })
      }
    )
  }
}
