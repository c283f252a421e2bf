/** `/Tickets/TicketType` (spec §2.15): read only. */
import type { Controller } from '../controller'
import type { TicketTypeRow } from '../store'
import { leaf, leaves, parent } from '../xml'
import { readOnly } from './common'

export const renderType = (t: TicketTypeRow): string =>
  parent(
    'tickettype',
    leaves([
      ['id', t.id],
      ['title', t.title],
      ['displayorder', t.displayorder],
      ['departmentid', t.departmentid],
      ['displayicon', t.displayicon],
      ['type', t.type],
      ['uservisibilitycustom', t.uservisibilitycustom]
    ]) + t.usergroupids.map((id) => leaf('usergroupid', id)).join('')
  )

export const TicketType: Controller = readOnly('tickettypes', (ctx) => ctx.store.ticketTypes, renderType)
