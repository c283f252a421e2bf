/** `/Tickets/TicketStatus` (spec §2.15): read only. */
import type { Controller } from '../controller'
import type { TicketStatusRow } from '../store'
import { leaf, leaves, parent } from '../xml'
import { readOnly } from './common'

export const renderStatus = (s: TicketStatusRow): string =>
  parent(
    'ticketstatus',
    leaves([
      ['id', s.id],
      ['title', s.title],
      ['displayorder', s.displayorder],
      ['departmentid', s.departmentid],
      ['displayicon', s.displayicon],
      ['type', s.type],
      ['displayinmainlist', s.displayinmainlist],
      ['markasresolved', s.markasresolved],
      ['displaycount', s.displaycount],
      ['statuscolor', s.statuscolor],
      ['statusbgcolor', s.statusbgcolor],
      ['resetduetime', s.resetduetime],
      ['triggersurvey', s.triggersurvey],
      ['staffvisibilitycustom', s.staffvisibilitycustom]
    ]) + s.staffgroupids.map((id) => leaf('staffgroupid', id)).join('')
  )

export const TicketStatus: Controller = readOnly('ticketstatuses', (ctx) => ctx.store.ticketStatuses, renderStatus)
