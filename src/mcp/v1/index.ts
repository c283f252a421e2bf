/**
 * The v1 tools, in the order a host lists them: search and lists first, single records, lookups, then the writes (the
 * server registers those only when writes are enabled). `caseDocument` and `viewDocument` are the texts of the
 * `kayako://v1/case/{id}` and `kayako://v1/view/{id}` resources.
 */
import type { ToolDefinition } from '../tool'
import { CASE_TOOLS } from './cases'
import { HELPCENTER_TOOLS } from './helpcenter'
import { OPTION_TOOLS } from './options'
import { PEOPLE_TOOLS } from './people'
import { SEARCH_TOOLS } from './search'
import { VIEW_TOOLS } from './views'
import { WRITE_TOOLS } from './writes'

export { caseDocument } from './cases'
export { viewDocument } from './views'

/** The v1 tools, searches and lists first, then single records, lookups and writes (writes are registered only when enabled). */
export const V1_TOOLS: ReadonlyArray<ToolDefinition> = [
  ...SEARCH_TOOLS,
  ...CASE_TOOLS,
  ...VIEW_TOOLS,
  ...PEOPLE_TOOLS,
  ...HELPCENTER_TOOLS,
  ...OPTION_TOOLS,
  ...WRITE_TOOLS
]
