/**
 * Placeholder until m18-v1's tools land (m18-v1 owns this file and replaces it): no v1 tools yet, and the v1
 * resources answer that they are not built.
 */
import type { Either } from 'fp-ts/Either'
import type { V1Executor } from '../../v1'
import type { ToolDefinition, ToolError } from '../tool'

/** Every v1 tool (none until m18-v1's land). */
export const V1_TOOLS: ReadonlyArray<ToolDefinition> = []

const notYet = (what: string): Either<ToolError, string> => ({
  _tag: 'Left',
  left: { kind: 'NotConfigured', message: `${what} is not available in this build.`, hint: 'Use the classic_… tools.' }
})

/** The text of the `kayako://v1/case/{id}` resource. */
export const caseDocument = (_run: V1Executor, _id: number): Promise<Either<ToolError, string>> => Promise.resolve(notYet('The v1 case resource'))

/** The text of the `kayako://v1/view/{id}` resource. */
export const viewDocument = (_run: V1Executor, _id: number): Promise<Either<ToolError, string>> => Promise.resolve(notYet('The v1 view resource'))
