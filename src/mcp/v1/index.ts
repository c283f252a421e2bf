/** Placeholder until m18-v1's tools land (m18-v1 owns this file and replaces it). */
import type { ToolDefinition } from '../tool'

export const V1_TOOLS: ReadonlyArray<ToolDefinition> = []
