/**
 * The contract every MCP tool of kayako-fp follows (Classic tools in `classic/`, v1 tools in `v1/`): a plain
 * description the server (`server.ts`) registers with the SDK. A tool never sees the SDK, the transport or the
 * credentials: it gets its arguments (already checked against `input`) and the executors, and answers with a typed
 * `Either`, so nothing throws and the server alone decides how an answer or an error goes on the wire.
 */
import type { Either } from 'fp-ts/Either'
import type { z, ZodRawShape } from 'zod'
import type { ClassicExecutor } from '../classic'
import type { V1Executor } from '../v1'

/** The executors a server was given (one or both). */
export interface Apis {
  readonly classic?: ClassicExecutor
  readonly v1?: V1Executor
}

/**
 * What a tool does to the helpdesk: reads, writes only agents see (notes, tags, fields), or writes a customer sees
 * (replies, new tickets/cases): those need `confirm: true`. Writes exist only when the server enables them.
 */
export type ToolAccess = 'read' | 'write' | 'customer-visible'

/**
 * An error the model can act on: what happened (`kind`: ValidationError, ApiError, NotFound, RateLimited,
 * TransportError, HttpError, ParseError, DecodeError, NotConfigured, ConfirmationRequired), the server's text or v1
 * code, and what to do next. Never a secret.
 */
export interface ToolError {
  readonly kind: string
  readonly message: string
  readonly hint: string
  readonly code?: string
  readonly retryAfterSeconds?: number
}

/** A tool's answer: `structured` matches the output schema; `text` is the readable rendering (capped by the server). */
export interface ToolOutcome<O> {
  readonly structured: O
  readonly text: string
}

/** MCP tool annotations, all four stated (hosts use them to decide what to ask the user before a call). */
export interface ToolAnnotations {
  readonly readOnlyHint: boolean
  readonly destructiveHint: boolean
  readonly idempotentHint: boolean
  readonly openWorldHint: boolean
}

/**
 * One tool: its name, schemas, access and annotations for the host, and `run`, which gets the arguments (checked
 * against `input`) and the executors, and answers with a typed `Either`.
 */
export interface ToolDefinition<I extends ZodRawShape = ZodRawShape, O extends ZodRawShape = ZodRawShape> {
  /** `classic_…` / `v1_…` */
  readonly name: string
  /** The API it calls: the server registers it only when it has that executor. */
  readonly api: 'classic' | 'v1'
  /** A human title for hosts' lists. */
  readonly title: string
  /** When to use it (and when another tool is better). */
  readonly description: string
  /** The arguments (a zod raw shape). */
  readonly input: I
  /** The structured answer (a zod raw shape): `structuredContent` matches it. */
  readonly output: O
  /** Reads, or which kind of write (see `ToolAccess`). */
  readonly access: ToolAccess
  /** The hints hosts use to decide what to confirm with the user. */
  readonly annotations: ToolAnnotations
  /** Runs the tool; never throws. */
  readonly run: (args: z.infer<z.ZodObject<I>>, apis: Required<Apis>) => Promise<Either<ToolError, ToolOutcome<z.infer<z.ZodObject<O>>>>>
}

/**
 * Defines a tool with its argument and output types inferred from its schemas, as a `ToolDefinition` of any shape
 * (what the tool lists hold). The server checks arguments against `input` before `run` and the structured answer
 * against `output` after it.
 */
export const defineTool = <I extends ZodRawShape, O extends ZodRawShape>(tool: ToolDefinition<I, O>): ToolDefinition => tool as unknown as ToolDefinition

/** The annotations of a read tool: reads only, repeatable, talks to a helpdesk outside the host. */
export const READ: ToolAnnotations = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true }
/** The annotations of a write that adds (a note, a reply, a new ticket): not repeatable, destroys nothing. */
export const ADD: ToolAnnotations = { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true }
/** The annotations of a write that changes fields in place (status, owner, priority): repeatable, overwrites values. */
export const CHANGE: ToolAnnotations = { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true }
