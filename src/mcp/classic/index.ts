/** The Classic tools, in the order a host lists them: searches and lists first, single records, lookups, then writes. */
import type { ToolDefinition } from '../tool'

export const CLASSIC_TOOLS: ReadonlyArray<ToolDefinition> = []
