/** `/Tickets/TicketPriority`, `/Tickets/TicketStatus`, `/Tickets/TicketType` (spec §2.15): read-only lists. */
import { idArg, xmlReply, type Context, type Controller, type Reply } from '../controller'
import type { TicketPriorityRow, TicketStatusRow, TicketTypeRow } from '../store'
import { leaf, leaves, parent } from '../xml'

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

const readOnly = <R extends { id: number }>(root: string, table: (ctx: Context) => { all(): Array<R>; get(id: number): R | undefined }, render: (row: R) => string): Controller => {
  const answer = (rows: ReadonlyArray<R>): Reply => xmlReply(parent(root, rows.map(render)))
  const list = (ctx: Context) => answer(table(ctx).all())
  return {
    actions: { listall: list },
    getList: list,
    get: (ctx, [id]) => {
      const row = table(ctx).get(idArg(id) ?? 0)
      return answer(row === undefined ? [] : [row])
    }
  }
}

export const TicketPriority: Controller = readOnly('ticketpriorities', (ctx) => ctx.store.ticketPriorities, renderPriority)
export const TicketStatus: Controller = readOnly('ticketstatuses', (ctx) => ctx.store.ticketStatuses, renderStatus)
export const TicketType: Controller = readOnly('tickettypes', (ctx) => ctx.store.ticketTypes, renderType)
