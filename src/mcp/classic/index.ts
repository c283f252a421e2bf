/** The Classic tools, in the order a host lists them: searches and lists first, single records, lookups, then writes. */
import type { ToolDefinition } from '../tool'
import { searchKnowledgebase, getArticle } from './knowledgebase'
import { listDepartments, listTicketOptions } from './lookups'
import { getTicket, listTickets, searchTickets } from './tickets'
import { getUser, searchUsers } from './users'
import { addNote, createTicket, replyTicket, updateTicket } from './writes'

/** Every Classic tool, reads and writes (the server registers the writes only when enabled). */
export const CLASSIC_TOOLS: ReadonlyArray<ToolDefinition> = [
  searchTickets,
  listTickets,
  getTicket,
  listDepartments,
  listTicketOptions,
  searchUsers,
  getUser,
  searchKnowledgebase,
  getArticle,
  createTicket,
  replyTicket,
  addNote,
  updateTicket
]
