/** `/Tickets/TicketPriority` (spec §2.15): read only. `displayicon` is gone since PHPAPI-13. */
import type { Controller } from '../controller'
import type { TicketPriorityRow } from '../store'
import { leaf, leaves, parent } from '../xml'
import { readOnly } from './common'

export const renderPriority = (p: TicketPriorityRow): string =>
  parent(
    'ticketpriority',
    leaves([
      ['id', p.id],
      ['title', p.title],
      ['displayorder', p.displayorder],
      ['frcolorcode', p.frcolorcode],
      ['bgcolorcode', p.bgcolorcode],
      ['type', p.type],
      ['uservisibilitycustom', p.uservisibilitycustom]
    ]) + p.usergroupids.map((id) => leaf('usergroupid', id)).join('')
  )

export const TicketPriority: Controller = readOnly('ticketpriorities', (ctx) => ctx.store.ticketPriorities, renderPriority)
