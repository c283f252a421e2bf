/**
 * Associated objects (the seed's "associated object"): pure helpers that turn an entity into the request for an
 * object it refers to by id. They are typed structurally — `departmentOf` takes anything with a `departmentId`, a
 * ticket as well as a status — so the resource modules never import each other; this module imports them instead.
 * Combine with `withCache` so that an object several entities refer to is fetched once:
 *
 *     const cached = withCache(run)
 *     pipe(run(Ticket.get(42)), TE.chain(O.match(() => TE.right(O.none), (t) => cached(departmentOf(t)))))
 *
 * Where the id is 0 for "none" (an unassigned ticket, a user without organization) the helper answers an `Option` of
 * a request; `runOptional(run)` runs it, giving `none` without a request.
 */
import * as O from '../../core/option'
import * as TE from 'fp-ts/TaskEither'
import type { KayakoError } from '../../core/error'
import * as Department from '../Department'
import type { ClassicExecutor } from './executor'
import type { ClassicRequest } from './request'
import * as Staff from '../Staff'
import * as StaffGroup from '../StaffGroup'
import * as TicketAttachment from '../TicketAttachment'
import * as TicketCustomField from '../TicketCustomField'
import * as TicketNote from '../TicketNote'
import * as TicketPost from '../TicketPost'
import * as TicketPriority from '../TicketPriority'
import * as TicketStatus from '../TicketStatus'
import * as TicketTimeTrack from '../TicketTimeTrack'
import * as TicketType from '../TicketType'
import * as User from '../User'
import * as UserGroup from '../UserGroup'
import * as UserOrganization from '../UserOrganization'

/** A request for an association that may be absent (id 0): `none` needs no request. */
export type OptionalRequest<A> = O.Option<ClassicRequest<O.Option<A>>>

const unlessZero = <A>(id: number, request: (id: number) => ClassicRequest<O.Option<A>>): OptionalRequest<A> => (id === 0 ? O.none : O.some(request(id)))

/** A ticket's (or anything's) department. For a ticket status or type, 0 means "every department": not a request. */
export const departmentOf = (x: { readonly departmentId: number }): ClassicRequest<O.Option<Department.Department>> => Department.get(x.departmentId)

/** A ticket's status (`Ticket.statusId`). */
export const ticketStatusOf = (x: { readonly statusId: number }): ClassicRequest<O.Option<TicketStatus.TicketStatus>> => TicketStatus.get(x.statusId)

/** A ticket's priority (`Ticket.priorityId`). */
export const ticketPriorityOf = (x: { readonly priorityId: number }): ClassicRequest<O.Option<TicketPriority.TicketPriority>> =>
  TicketPriority.get(x.priorityId)

/** A ticket's type (`Ticket.typeId`). */
export const ticketTypeOf = (x: { readonly typeId: number }): ClassicRequest<O.Option<TicketType.TicketType>> => TicketType.get(x.typeId)

/** A ticket's owner; `none` for an unassigned ticket (`ownerStaffId` 0). */
export const ownerStaffOf = (x: { readonly ownerStaffId: number }): OptionalRequest<Staff.Staff> => unlessZero(x.ownerStaffId, Staff.get)

/** A ticket's (or post's) user (`userId`). */
export const userOf = (x: { readonly userId: number }): ClassicRequest<O.Option<User.User>> => User.get(x.userId)

/** A staff member's group. */
export const staffGroupOf = (x: { readonly staffGroupId: number }): ClassicRequest<O.Option<StaffGroup.StaffGroup>> => StaffGroup.get(x.staffGroupId)

/** A user's group. */
export const userGroupOf = (x: { readonly userGroupId: number }): ClassicRequest<O.Option<UserGroup.UserGroup>> => UserGroup.get(x.userGroupId)

/** A user's (or ticket's) organization; `none` when it has none (`userOrganizationId` 0). */
export const userOrganizationOf = (x: { readonly userOrganizationId: number }): OptionalRequest<UserOrganization.UserOrganization> =>
  unlessZero(x.userOrganizationId, UserOrganization.get)

/** Runs an optional association: `none` without a request, else the request's own answer. */
export const runOptional =
  (run: ClassicExecutor) =>
  <A>(request: OptionalRequest<A>): TE.TaskEither<KayakoError, O.Option<A>> =>
    O.isNone(request) ? TE.right(O.none) : run(request.value)

/** A ticket's posts: `GET /Tickets/TicketPost/ListAll/$ticketid$`. */
export const postsOf = (ticket: { readonly id: number }): ClassicRequest<ReadonlyArray<TicketPost.TicketPost>> => TicketPost.all(ticket.id)
/** A ticket's notes: `GET /Tickets/TicketNote/ListAll/$ticketid$`. */
export const notesOf = (ticket: { readonly id: number }): ClassicRequest<ReadonlyArray<TicketNote.TicketNote>> => TicketNote.all(ticket.id)
/** A ticket's time tracks: `GET /Tickets/TicketTimeTrack/ListAll/$ticketid$`. */
export const timeTracksOf = (ticket: { readonly id: number }): ClassicRequest<ReadonlyArray<TicketTimeTrack.TimeTrack>> => TicketTimeTrack.all(ticket.id)
/** A ticket's attachments, without contents: `GET /Tickets/TicketAttachment/ListAll/$ticketid$`. */
export const attachmentsOf = (ticket: { readonly id: number }): ClassicRequest<ReadonlyArray<TicketAttachment.TicketAttachment>> =>
  TicketAttachment.all(ticket.id)
/** A ticket's custom field groups and values: `GET /Tickets/TicketCustomField/$ticketid$`. */
export const customFieldsOf = (ticket: { readonly id: number }): ClassicRequest<ReadonlyArray<TicketCustomField.CustomFieldGroup>> =>
  TicketCustomField.get(ticket.id)
