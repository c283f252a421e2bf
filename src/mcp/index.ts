/**
 * `kayako-fp/mcp`: a Model Context Protocol server over kayako-fp (`createMcpServer`), its tools as plain
 * definitions, and the helpers they share. Needs the optional peer dependencies `@modelcontextprotocol/sdk` and `zod`;
 * nothing else in kayako-fp imports them.
 */
export { createMcpServer, type McpServerOptions } from './server'
export { CLASSIC_TOOLS } from './classic'
export { V1_TOOLS } from './v1'
export type { Apis, ToolAccess, ToolAnnotations, ToolDefinition, ToolError, ToolOutcome } from './tool'
export { toolError } from './errors'
export { decodeCursor, encodeCursor } from './cursor'
export { capText, htmlToText, TEXT_CAP } from './format'
