// Every builder of both APIs in one table: the call, the method and the route (Classic) or path and query (v1) it
// describes. Per-module tests keep what is particular to a module (wire names, decoding, rules); what every builder
// shares is checked here once, row by row, and a builder without a row fails the completeness test.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { CustomField, Department, KnowledgebaseArticle, KnowledgebaseAttachment, KnowledgebaseCategory, KnowledgebaseComment } from '../src/classic/index'
import { NewsCategory, NewsComment, NewsItem, NewsSubscriber, Staff, StaffGroup, Ticket, TicketAttachment, TicketCount } from '../src/classic/index'
import { TicketCustomField, TicketNote, TicketPost, TicketPriority, TicketStatus, TicketTimeTrack, TicketType } from '../src/classic/index'
import {
  TroubleshooterAttachment,
  TroubleshooterCategory,
  TroubleshooterComment,
  TroubleshooterStep,
  User,
  UserGroup,
  UserOrganization
} from '../src/classic/index'
import type { ClassicRequest } from '../src/classic/internal/request'
import * as V1 from '../src/v1/index'
import type { V1Request } from '../src/v1/internal/request'
import { classicModules } from './support/classicCases'
import { isV1Request, v1Modules } from './support/v1Cases'
import { wireName } from '../src/v1/internal/executor'
import { toSnake } from '../src/v1/internal/letterCase'

type Described = ClassicRequest<unknown> | V1Request<unknown>

interface Row {
  readonly build: () => Described
  readonly method: string
  /** The Classic route with its query, or the v1 path with its query (camelCase, as the description holds it). */
  readonly target: string
}

const row = (build: () => Described, method: string, target: string): Row => ({ build, method, target })

const isClassic = (r: Described): r is ClassicRequest<unknown> => 'route' in r

const targetOf = (r: Described): string => {
  if (isClassic(r)) return r.route + (r.query.length > 0 ? `?${r.query.map(([k, v]) => `${k}=${v}`).join('&')}` : '')
  const query = Object.entries(r.query)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join('&')
  return r.path + (query === '' ? '' : `?${query}`)
}

const bytes = new Uint8Array([1, 2, 3])
const NEW_TICKET: Ticket.NewTicket = {
  subject: 'S',
  fullName: 'Jane Roe',
  email: 'jane@example.com',
  contents: 'C',
  departmentId: 2,
  statusId: 1,
  priorityId: 3,
  typeId: 1,
  autoUserId: true
}

const CLASSIC: ReadonlyArray<Row> = [
  row(() => CustomField.all(), 'GET', '/Base/CustomField'),
  row(() => CustomField.groups(), 'GET', '/Base/CustomFieldGroup'),
  row(() => CustomField.options(7), 'GET', '/Base/CustomField/ListOptions/7'),
  row(() => Department.all(), 'GET', '/Base/Department'),
  row(() => Department.delete(7), 'DELETE', '/Base/Department/7'),
  row(() => Department.get(7), 'GET', '/Base/Department/7'),
  row(() => Department.post({ title: 'T', type: 'public', app: 'tickets' }), 'POST', '/Base/Department'),
  row(() => Department.put(7, { title: 'T' }), 'PUT', '/Base/Department/7'),
  row(() => KnowledgebaseArticle.all(), 'GET', '/Knowledgebase/Article'),
  row(() => KnowledgebaseArticle.all(4, { count: 10, start: 20 }), 'GET', '/Knowledgebase/Article/ListAll/4/10/20'),
  row(() => KnowledgebaseArticle.count(7), 'GET', '/Knowledgebase/Article/GetArticleCount/7'),
  row(() => KnowledgebaseArticle.delete(7), 'DELETE', '/Knowledgebase/Article/7'),
  row(() => KnowledgebaseArticle.get(7), 'GET', '/Knowledgebase/Article/7'),
  row(() => KnowledgebaseArticle.post({ subject: 'S', contents: 'C', creatorId: 1 }), 'POST', '/Knowledgebase/Article'),
  row(() => KnowledgebaseArticle.put(7, { editedStaffId: 1 }), 'PUT', '/Knowledgebase/Article/7'),
  row(() => KnowledgebaseAttachment.all(7), 'GET', '/Knowledgebase/Attachment/ListAll/7'),
  row(() => KnowledgebaseAttachment.delete(7, 3), 'DELETE', '/Knowledgebase/Attachment/7/3'),
  row(() => KnowledgebaseAttachment.get(7, 3), 'GET', '/Knowledgebase/Attachment/7/3'),
  row(() => KnowledgebaseAttachment.post(7, { fileName: 'a.txt', contents: bytes }), 'POST', '/Knowledgebase/Attachment'),
  row(() => KnowledgebaseCategory.all(), 'GET', '/Knowledgebase/Category'),
  row(() => KnowledgebaseCategory.delete(7), 'DELETE', '/Knowledgebase/Category/7'),
  row(() => KnowledgebaseCategory.get(7), 'GET', '/Knowledgebase/Category/7'),
  row(
    () => KnowledgebaseCategory.post({ title: 'T', categoryType: KnowledgebaseCategory.KnowledgebaseCategoryType.global }),
    'POST',
    '/Knowledgebase/Category'
  ),
  row(() => KnowledgebaseCategory.put(7, { title: 'T' }), 'PUT', '/Knowledgebase/Category/7'),
  row(() => KnowledgebaseComment.all(), 'GET', '/Knowledgebase/Comment'),
  row(() => KnowledgebaseComment.all(7), 'GET', '/Knowledgebase/Comment/ListAll/7'),
  row(() => KnowledgebaseComment.delete(7), 'DELETE', '/Knowledgebase/Comment/7'),
  row(() => KnowledgebaseComment.get(7), 'GET', '/Knowledgebase/Comment/7'),
  row(
    () => KnowledgebaseComment.post(7, { contents: 'C', creatorType: KnowledgebaseComment.CommentCreatorType.staff, creatorId: 1 }),
    'POST',
    '/Knowledgebase/Comment'
  ),
  row(() => NewsCategory.all(), 'GET', '/News/Category'),
  row(() => NewsCategory.delete(7), 'DELETE', '/News/Category/7'),
  row(() => NewsCategory.get(7), 'GET', '/News/Category/7'),
  row(() => NewsCategory.post({ title: 'T', visibilityType: 'public' }), 'POST', '/News/Category'),
  row(() => NewsCategory.put(7, { title: 'T' }), 'PUT', '/News/Category/7'),
  row(() => NewsComment.all(), 'GET', '/News/Comment'),
  row(() => NewsComment.delete(7), 'DELETE', '/News/Comment/7'),
  row(() => NewsComment.get(7), 'GET', '/News/Comment/7'),
  row(() => NewsComment.post(7, { contents: 'C', creatorType: NewsComment.CommentCreatorType.staff, creatorId: 1 }), 'POST', '/News/Comment'),
  row(() => NewsItem.all(), 'GET', '/News/NewsItem'),
  row(() => NewsItem.delete(7), 'DELETE', '/News/NewsItem/7'),
  row(() => NewsItem.get(7), 'GET', '/News/NewsItem/7'),
  row(() => NewsItem.post({ staffId: 1, subject: 'S', contents: 'C' }), 'POST', '/News/NewsItem'),
  row(() => NewsItem.put(7, { editedStaffId: 1, subject: 'S', contents: 'C' }), 'PUT', '/News/NewsItem/7'),
  row(() => NewsSubscriber.all(), 'GET', '/News/Subscriber'),
  row(() => NewsSubscriber.delete(7), 'DELETE', '/News/Subscriber/7'),
  row(() => NewsSubscriber.get(7), 'GET', '/News/Subscriber/7'),
  row(() => NewsSubscriber.post({ email: 'a@example.com' }), 'POST', '/News/Subscriber'),
  row(() => NewsSubscriber.put(7, { email: 'a@example.com' }), 'PUT', '/News/Subscriber/7'),
  row(() => Staff.all(), 'GET', '/Base/Staff'),
  row(() => Staff.delete(7), 'DELETE', '/Base/Staff/7'),
  row(() => Staff.get(7), 'GET', '/Base/Staff/7'),
  row(() => Staff.post({ firstName: 'A', lastName: 'B', userName: 'ab', email: 'ab@example.com', staffGroupId: 1, password: 'pw' }), 'POST', '/Base/Staff'),
  row(() => Staff.put(7, { firstName: 'A', lastName: 'B', staffGroupId: 1 }), 'PUT', '/Base/Staff/7'),
  row(() => StaffGroup.all(), 'GET', '/Base/StaffGroup'),
  row(() => StaffGroup.delete(7), 'DELETE', '/Base/StaffGroup/7'),
  row(() => StaffGroup.get(7), 'GET', '/Base/StaffGroup/7'),
  row(() => StaffGroup.post({ title: 'T', isAdmin: false }), 'POST', '/Base/StaffGroup'),
  row(() => StaffGroup.put(7, { title: 'T' }), 'PUT', '/Base/StaffGroup/7'),
  row(() => Ticket.all({ departmentIds: [2] }), 'GET', '/Tickets/Ticket/ListAll/2/-1/-1/-1'),
  row(() => Ticket.count({ departmentIds: [1, 2] }), 'GET', '/Tickets/Ticket/GetTicketCount/1,2'),
  row(() => Ticket.delete(7), 'DELETE', '/Tickets/Ticket/7'),
  row(() => Ticket.get(7), 'GET', '/Tickets/Ticket/7'),
  row(() => Ticket.post(NEW_TICKET), 'POST', '/Tickets/Ticket'),
  row(() => Ticket.put(7, { subject: 'S' }), 'PUT', '/Tickets/Ticket/7'),
  row(() => Ticket.resolveId('ABC-123-4567'), 'GET', '/Tickets/Ticket/ABC-123-4567'),
  row(() => Ticket.search({ query: 'q', in: ['contents'] }), 'POST', '/Tickets/TicketSearch'),
  row(() => TicketAttachment.all(7), 'GET', '/Tickets/TicketAttachment/ListAll/7'),
  row(() => TicketAttachment.delete(7, 3), 'DELETE', '/Tickets/TicketAttachment/7/3'),
  row(() => TicketAttachment.get(7, 3), 'GET', '/Tickets/TicketAttachment/7/3'),
  row(() => TicketAttachment.post(7, { ticketPostId: 3, fileName: 'a.bin', contents: bytes }), 'POST', '/Tickets/TicketAttachment'),
  row(() => TicketCount.get(), 'GET', '/Tickets/TicketCount'),
  row(() => TicketCustomField.get(7), 'GET', '/Tickets/TicketCustomField/7'),
  row(() => TicketCustomField.post(7, { field: TicketCustomField.textValue('x') }), 'POST', '/Tickets/TicketCustomField/7'),
  row(() => TicketNote.all(7), 'GET', '/Tickets/TicketNote/ListAll/7'),
  row(() => TicketNote.delete(7, 3), 'DELETE', '/Tickets/TicketNote/7/3'),
  row(() => TicketNote.get(7, 3), 'GET', '/Tickets/TicketNote/7/3'),
  row(() => TicketNote.post(7, { contents: 'C', staffId: 1 }), 'POST', '/Tickets/TicketNote'),
  row(() => TicketPost.all(7), 'GET', '/Tickets/TicketPost/ListAll/7'),
  row(() => TicketPost.delete(7, 3), 'DELETE', '/Tickets/TicketPost/7/3'),
  row(() => TicketPost.get(7, 3), 'GET', '/Tickets/TicketPost/7/3'),
  row(() => TicketPost.post(7, { contents: 'C', userId: 1 }), 'POST', '/Tickets/TicketPost'),
  row(() => TicketPriority.all(), 'GET', '/Tickets/TicketPriority'),
  row(() => TicketPriority.get(7), 'GET', '/Tickets/TicketPriority/7'),
  row(() => TicketStatus.all(), 'GET', '/Tickets/TicketStatus'),
  row(() => TicketStatus.get(7), 'GET', '/Tickets/TicketStatus/7'),
  row(() => TicketTimeTrack.all(7), 'GET', '/Tickets/TicketTimeTrack/ListAll/7'),
  row(() => TicketTimeTrack.delete(7, 3), 'DELETE', '/Tickets/TicketTimeTrack/7/3'),
  row(() => TicketTimeTrack.get(7, 3), 'GET', '/Tickets/TicketTimeTrack/7/3'),
  row(
    () => TicketTimeTrack.post(7, { staffId: 1, contents: 'C', workDate: new Date(1e12), billDate: new Date(1e12), timeWorked: 60, timeBillable: 60 }),
    'POST',
    '/Tickets/TicketTimeTrack'
  ),
  row(() => TicketType.all(), 'GET', '/Tickets/TicketType'),
  row(() => TicketType.get(7), 'GET', '/Tickets/TicketType/7'),
  row(() => TroubleshooterAttachment.all(7), 'GET', '/Troubleshooter/Attachment/ListAll/7'),
  row(() => TroubleshooterAttachment.delete(7, 3), 'DELETE', '/Troubleshooter/Attachment/7/3'),
  row(() => TroubleshooterAttachment.get(7, 3), 'GET', '/Troubleshooter/Attachment/7/3'),
  row(() => TroubleshooterAttachment.post(7, { fileName: 'a.txt', contents: bytes }), 'POST', '/Troubleshooter/Attachment'),
  row(() => TroubleshooterCategory.all(), 'GET', '/Troubleshooter/Category'),
  row(() => TroubleshooterCategory.delete(7), 'DELETE', '/Troubleshooter/Category/7'),
  row(() => TroubleshooterCategory.get(7), 'GET', '/Troubleshooter/Category/7'),
  row(
    () => TroubleshooterCategory.post({ title: 'T', categoryType: TroubleshooterCategory.TroubleshooterCategoryType.global, staffId: 1 }),
    'POST',
    '/Troubleshooter/Category'
  ),
  row(() => TroubleshooterCategory.put(7, { title: 'T' }), 'PUT', '/Troubleshooter/Category/7'),
  row(() => TroubleshooterComment.all(), 'GET', '/Troubleshooter/Comment'),
  row(() => TroubleshooterComment.delete(7), 'DELETE', '/Troubleshooter/Comment/7'),
  row(() => TroubleshooterComment.get(7), 'GET', '/Troubleshooter/Comment/7'),
  row(
    () => TroubleshooterComment.post(7, { contents: 'C', creatorType: TroubleshooterComment.CommentCreatorType.staff, creatorId: 1 }),
    'POST',
    '/Troubleshooter/Comment'
  ),
  row(() => TroubleshooterStep.all(), 'GET', '/Troubleshooter/Step'),
  row(() => TroubleshooterStep.delete(7), 'DELETE', '/Troubleshooter/Step/7'),
  row(() => TroubleshooterStep.get(7), 'GET', '/Troubleshooter/Step/7'),
  row(() => TroubleshooterStep.post({ categoryId: 1, subject: 'S', contents: 'C', staffId: 1 }), 'POST', '/Troubleshooter/Step'),
  row(() => TroubleshooterStep.put(7, { editedStaffId: 1 }), 'PUT', '/Troubleshooter/Step/7'),
  row(() => User.all(), 'GET', '/Base/User/Filter'),
  row(() => User.all({ marker: 5, maxItems: 100 }), 'GET', '/Base/User/Filter/5/100'),
  row(() => User.delete(7), 'DELETE', '/Base/User/7'),
  row(() => User.get(7), 'GET', '/Base/User/7'),
  row(() => User.post({ fullName: 'A', emails: ['a@example.com'], userGroupId: 2, password: 'pw' }), 'POST', '/Base/User'),
  row(() => User.put(7, { fullName: 'A' }), 'PUT', '/Base/User/7'),
  row(() => User.search({ query: 'q' }), 'POST', '/Base/UserSearch'),
  row(() => UserGroup.all(), 'GET', '/Base/UserGroup'),
  row(() => UserGroup.delete(7), 'DELETE', '/Base/UserGroup/7'),
  row(() => UserGroup.get(7), 'GET', '/Base/UserGroup/7'),
  row(() => UserGroup.post({ title: 'T', groupType: 'registered' }), 'POST', '/Base/UserGroup'),
  row(() => UserGroup.put(7, { title: 'T' }), 'PUT', '/Base/UserGroup/7'),
  row(() => UserOrganization.all(), 'GET', '/Base/UserOrganization'),
  row(() => UserOrganization.delete(7), 'DELETE', '/Base/UserOrganization/7'),
  row(() => UserOrganization.get(7), 'GET', '/Base/UserOrganization/7'),
  row(() => UserOrganization.post({ name: 'N', organizationType: 'restricted' }), 'POST', '/Base/UserOrganization'),
  row(() => UserOrganization.put(7, { name: 'N' }), 'PUT', '/Base/UserOrganization/7')
]

const { BusinessHour, Case, CaseField, CasePriority, CaseStatus, CaseType, Channel, File, IdentityDomain, IdentityEmail, IdentityPhone } = V1
const { OAuthClient, Organization, Role, Session, Team, Test: TestResource } = V1
const { Attachment, Conversation, Macro, TimeTracking } = V1
const { Article, Category, Locale, LocaleField, Search, Section } = V1
const { Brand, CaseForm, OrganizationField, Setting, UserField, View } = V1
const EN = [{ locale: 'en-us', translation: 'T' }]
const V1_USER = V1.User

const V1_ROWS: ReadonlyArray<Row> = [
  row(() => BusinessHour.all(), 'GET', '/businesshours'),
  row(() => BusinessHour.get(7), 'GET', '/businesshours/7'),
  row(() => Case.all(), 'GET', '/cases'),
  row(() => Case.all({ offset: 20, limit: 10 }), 'GET', '/cases?offset=20&limit=10'),
  row(() => Case.get(7), 'GET', '/cases/7'),
  row(() => Case.post({ subject: 'S', contents: 'C', channel: 'NOTE' }), 'POST', '/cases'),
  row(() => Case.put(7, {}), 'PUT', '/cases/7'),
  row(() => Case.reply(7, { contents: 'C' }), 'POST', '/cases/7/reply'),
  row(() => Case.posts(7), 'GET', '/cases/7/posts'),
  row(() => Case.notes(7), 'GET', '/cases/7/notes'),
  row(() => Case.addNote(7, { contents: 'C' }), 'POST', '/cases/7/notes'),
  row(() => Case.tags(7), 'GET', '/cases/7/tags'),
  row(() => Case.addTags(7, ['a']), 'POST', '/cases/7/tags'),
  row(() => Case.replaceTags(7, ['a']), 'PUT', '/cases/7/tags'),
  row(() => Case.removeTags(7, ['a']), 'DELETE', '/cases/7/tags?tags=a'),
  row(() => Case.trash(7), 'PUT', '/cases/7/trash'),
  row(() => Case.restore(7), 'PUT', '/cases/7/restore'),
  row(() => CaseField.all(), 'GET', '/cases/fields'),
  row(() => CaseField.delete(7), 'DELETE', '/cases/fields/7'),
  row(() => CaseField.get(7), 'GET', '/cases/fields/7'),
  row(() => CasePriority.all(), 'GET', '/cases/priorities'),
  row(() => CasePriority.get(7), 'GET', '/cases/priorities/7'),
  row(() => CasePriority.post({ label: 'L' }), 'POST', '/cases/priorities'),
  row(() => CasePriority.put(7, {}), 'PUT', '/cases/priorities/7'),
  row(() => CaseStatus.all(), 'GET', '/cases/statuses'),
  row(() => CaseStatus.get(7), 'GET', '/cases/statuses/7'),
  row(() => CaseStatus.post({ label: 'L' }), 'POST', '/cases/statuses'),
  row(() => CaseStatus.put(7, {}), 'PUT', '/cases/statuses/7'),
  row(() => CaseType.all(), 'GET', '/cases/types'),
  row(() => CaseType.get(7), 'GET', '/cases/types/7'),
  row(() => CaseType.post({ label: 'L' }), 'POST', '/cases/types'),
  row(() => CaseType.put(7, {}), 'PUT', '/cases/types/7'),
  row(() => Channel.all(), 'GET', '/cases/channels'),
  row(() => Channel.ofCase(7), 'GET', '/cases/7/channels'),
  row(() => Channel.forReply(7), 'GET', '/cases/7/reply/channels'),
  row(() => File.get(7), 'GET', '/files/7'),
  row(() => File.upload({ filename: 'a.png', contentType: 'image/png', data: bytes }), 'POST', '/files'),
  row(() => IdentityDomain.all(), 'GET', '/identities/domains'),
  row(() => IdentityDomain.all({ organizationId: 3 }), 'GET', '/identities/domains?organizationId=3'),
  row(() => IdentityDomain.delete(7), 'DELETE', '/identities/domains/7'),
  row(() => IdentityDomain.get(7), 'GET', '/identities/domains/7'),
  row(() => IdentityDomain.post({ organizationId: 3, domain: 'example.com' }), 'POST', '/identities/domains'),
  row(() => IdentityDomain.put(7, {}), 'PUT', '/identities/domains/7'),
  row(() => IdentityEmail.all(), 'GET', '/identities/emails'),
  row(() => IdentityEmail.delete(7), 'DELETE', '/identities/emails/7'),
  row(() => IdentityEmail.get(7), 'GET', '/identities/emails/7'),
  row(() => IdentityEmail.post({ userId: 2, email: 'a@example.com' }), 'POST', '/identities/emails'),
  row(() => IdentityEmail.put(7, {}), 'PUT', '/identities/emails/7'),
  row(() => IdentityPhone.all(), 'GET', '/identities/phones'),
  row(() => IdentityPhone.delete(7), 'DELETE', '/identities/phones/7'),
  row(() => IdentityPhone.get(7), 'GET', '/identities/phones/7'),
  row(() => IdentityPhone.post({ userId: 2, number: '+1 555' }), 'POST', '/identities/phones'),
  row(() => IdentityPhone.put(7, {}), 'PUT', '/identities/phones/7'),
  row(() => OAuthClient.all(), 'GET', '/oauth/clients'),
  row(() => OAuthClient.get(7), 'GET', '/oauth/clients/7'),
  row(() => Organization.all(), 'GET', '/organizations'),
  row(() => Organization.delete(7), 'DELETE', '/organizations/7'),
  row(() => Organization.get(7), 'GET', '/organizations/7'),
  row(() => Organization.post({ name: 'O' }), 'POST', '/organizations'),
  row(() => Organization.put(7, {}), 'PUT', '/organizations/7'),
  row(() => Role.all(), 'GET', '/roles'),
  row(() => Role.get(7), 'GET', '/roles/7'),
  row(() => Role.post({ title: 'R', type: 'AGENT' }), 'POST', '/roles'),
  row(() => Role.put(7, {}), 'PUT', '/roles/7'),
  row(() => Session.get(), 'GET', '/session'),
  row(() => Session.ack(), 'PUT', '/session/ack'),
  row(() => Session.delete(), 'DELETE', '/session'),
  row(() => Team.all(), 'GET', '/teams'),
  row(() => Team.get(7), 'GET', '/teams/7'),
  row(() => Team.post({ title: 'T' }), 'POST', '/teams'),
  row(() => Team.put(7, {}), 'PUT', '/teams/7'),
  row(() => TestResource.all(), 'GET', '/tests'),
  row(() => TestResource.delete(7), 'DELETE', '/tests/7'),
  row(() => TestResource.get(7), 'GET', '/tests/7'),
  row(() => TestResource.post({ name: 'n' }), 'POST', '/tests'),
  row(() => TestResource.put(7, { name: 'n' }), 'PUT', '/tests/7'),
  row(() => V1_USER.all(), 'GET', '/users'),
  row(() => V1_USER.delete(7), 'DELETE', '/users/7'),
  row(() => V1_USER.get(7), 'GET', '/users/7'),
  row(() => V1_USER.me(), 'GET', '/me'),
  row(() => V1_USER.post({ fullName: 'A', roleId: 4 }), 'POST', '/users'),
  row(() => V1_USER.put(7, {}), 'PUT', '/users/7'),
  row(() => V1_USER.notes(7), 'GET', '/users/7/notes'),
  row(() => V1_USER.addNote(7, { contents: 'C' }), 'POST', '/users/7/notes'),
  row(() => V1_USER.tags(7), 'GET', '/users/7/tags'),
  row(() => V1_USER.addTags(7, ['a']), 'POST', '/users/7/tags'),
  row(() => V1_USER.replaceTags(7, ['a']), 'PUT', '/users/7/tags'),
  row(() => V1_USER.removeTags(7, ['a']), 'DELETE', '/users/7/tags?tags=a'),
  row(() => Attachment.download('https://helpdesk.example.com/api/v1/files/3/content'), 'GET', '/api/v1/files/3/content'),
  row(() => File.download('https://helpdesk.example.com/api/v1/files/3/content'), 'GET', '/api/v1/files/3/content'),
  row(() => Case.all({ archived: true }), 'GET', '/cases?archived=1'),
  row(() => Case.activities(7), 'GET', '/cases/7/activities'),
  row(() => Case.merge(7, [8, 9]), 'POST', '/cases/7/merge'),
  row(() => Case.recentRatings(), 'GET', '/cases/ratings/recent'),
  row(() => Case.updateMany([7, 8], { statusId: 2 }), 'PUT', '/cases?ids=7,8'),
  row(() => Case.trashMany([7, 8]), 'PUT', '/cases/trash?ids=7,8'),
  row(() => Conversation.all(), 'GET', '/conversations'),
  row(() => Conversation.get(7), 'GET', '/conversations/7'),
  row(() => Conversation.post({ name: 'N', email: 'n@example.com', subject: 'S', contents: 'C', source: 'API' }), 'POST', '/conversations'),
  row(() => Conversation.starter(), 'GET', '/conversations/starter'),
  row(() => Conversation.messages(7), 'GET', '/conversations/7/messages'),
  row(() => Conversation.message(7, 3), 'GET', '/conversations/7/messages/3'),
  row(() => Conversation.addMessage(7, { contents: 'C' }), 'POST', '/conversations/7/messages'),
  row(() => Conversation.updateMessage(7, 3, { messageStatus: 'SEEN' }), 'PUT', '/conversations/7/messages/3'),
  row(() => Conversation.ratings(7), 'GET', '/conversations/7/ratings'),
  row(() => Conversation.addRating(7, { score: 'GOOD' }), 'POST', '/conversations/7/ratings'),
  row(() => Macro.all(), 'GET', '/cases/macros'),
  row(() => Macro.get(7), 'GET', '/cases/macros/7'),
  row(() => TimeTracking.all(7), 'GET', '/timetracking?caseId=7'),
  row(() => TimeTracking.get(7), 'GET', '/timetracking/7'),
  row(() => TimeTracking.post(7, { timeSpent: 900 }), 'POST', '/timetracking'),
  row(() => Article.all(), 'GET', '/articles'),
  row(() => Article.get(7), 'GET', '/articles/7'),
  row(() => Article.post({ titles: EN, contents: EN, sectionId: 3 }), 'POST', '/articles'),
  row(() => Article.put(7, {}), 'PUT', '/articles/7'),
  row(() => Article.delete(7), 'DELETE', '/articles/7'),
  row(() => Article.search({ query: 'q' }), 'GET', '/helpcenter/search?query=q&in=articles'),
  row(() => Category.all(), 'GET', '/categories'),
  row(() => Category.get(7), 'GET', '/categories/7'),
  row(() => Category.post({ titles: EN }), 'POST', '/categories'),
  row(() => Category.put(7, {}), 'PUT', '/categories/7'),
  row(() => Section.all(), 'GET', '/sections'),
  row(() => Section.get(7), 'GET', '/sections/7'),
  row(() => Section.post({ titles: EN, categoryId: 3 }), 'POST', '/sections'),
  row(() => Section.put(7, {}), 'PUT', '/sections/7'),
  row(() => Locale.all(), 'GET', '/locales'),
  row(() => Locale.get(7), 'GET', '/locales/7'),
  row(() => LocaleField.get(7), 'GET', '/locale/fields/7'),
  row(() => Search.query({ query: 'q' }), 'GET', '/search?query=q'),
  row(() => Search.cases({ query: 'q' }), 'GET', '/search?query=q&resources=CASES'),
  row(() => Search.users({ query: 'q' }), 'GET', '/search?query=q&resources=USERS'),
  row(() => Search.organizations({ query: 'q' }), 'GET', '/search?query=q&resources=ORGANIZATIONS'),
  row(() => Search.articles({ query: 'q' }), 'GET', '/search?query=q&resources=ARTICLES'),
  row(() => Brand.all(), 'GET', '/brands'),
  row(() => Brand.get(7), 'GET', '/brands/7'),
  row(() => Case.fieldValues(7), 'GET', '/cases/7/field/values'),
  row(() => CaseField.options(7), 'GET', '/cases/fields/7/options'),
  row(() => CaseForm.all(), 'GET', '/cases/forms'),
  row(() => CaseForm.get(7), 'GET', '/cases/forms/7'),
  row(() => Organization.cases(7), 'GET', '/organizations/7/cases'),
  row(() => Organization.members(7), 'GET', '/organizations/7/members'),
  row(() => Organization.notes(7), 'GET', '/organizations/7/notes'),
  row(() => Organization.addNote(7, { contents: 'C' }), 'POST', '/organizations/7/notes'),
  row(() => Organization.tags(7), 'GET', '/organizations/7/tags'),
  row(() => Organization.addTags(7, ['a']), 'POST', '/organizations/7/tags'),
  row(() => Organization.replaceTags(7, ['a']), 'PUT', '/organizations/7/tags'),
  row(() => Organization.removeTags(7, ['a']), 'DELETE', '/organizations/7/tags?tags=a'),
  row(() => OrganizationField.all(), 'GET', '/organizations/fields'),
  row(() => OrganizationField.get(7), 'GET', '/organizations/fields/7'),
  row(() => OrganizationField.options(7), 'GET', '/organizations/fields/7/options'),
  row(() => Setting.all(), 'GET', '/settings'),
  row(() => Setting.put({ 'general.timezone': 'UTC' }), 'PUT', '/settings'),
  row(() => Team.members(7), 'GET', '/teams/7/members'),
  row(() => Team.addMembers(7, [3]), 'POST', '/teams/7/members'),
  row(() => Team.removeMembers(7, [3]), 'DELETE', '/teams/7/members?agentIds=3'),
  row(() => V1_USER.cases(7), 'GET', '/users/7/cases'),
  row(() => V1_USER.organizations(7), 'GET', '/users/7/organizations'),
  row(() => UserField.all(), 'GET', '/users/fields'),
  row(() => UserField.get(7), 'GET', '/users/fields/7'),
  row(() => UserField.options(7), 'GET', '/users/fields/7/options'),
  row(() => View.all(), 'GET', '/views'),
  row(() => View.get(7), 'GET', '/views/7'),
  row(() => View.cases(7), 'GET', '/views/7/cases'),
  row(() => View.counts(), 'GET', '/views/counts')
]

const ROWS = [...CLASSIC, ...V1_ROWS]

test('every row describes its method and target, with valid arguments and no issues', () => {
  const wrong = ROWS.map((r) => ({ r, d: r.build() })).filter(({ r, d }) => d.method !== r.method || targetOf(d) !== r.target || d.issues.length > 0)
  assert.equal(
    wrong.map(({ d }) => [d.operation, d.method, targetOf(d), d.issues]),
    wrong.map(({ r, d }) => [d.operation, r.method, r.target, []])
  )
})

/** The description without its functions (decoders, a download's fetch), which compare by reference. */
const data = (d: Described): unknown => Object.fromEntries(Object.entries(d).filter(([k, v]) => typeof v !== 'function' && k !== 'response' && k !== 'decoder'))

test('descriptions are values: built twice, they compare equal', () => {
  for (const r of ROWS) assert.equal(data(r.build()), data(r.build()), r.build().operation)
})

test('a Classic GET or DELETE carries no form, a POST or PUT no query', () => {
  for (const r of CLASSIC) {
    const d = r.build() as ClassicRequest<unknown>
    if (d.method === 'GET' || d.method === 'DELETE') assert.equal([d.operation, d.form, d.files], [d.operation, [], []])
    else assert.equal([d.operation, d.query], [d.operation, []])
  }
})

test('a v1 GET or DELETE sends no body', () => {
  for (const r of V1_ROWS) {
    const d = r.build() as V1Request<unknown>
    if (d.method === 'GET' || d.method === 'DELETE') assert.is(d.body, undefined, d.operation)
  }
})

// Every operation a module's builders describe, found by calling each builder with argument shapes that reach it.
const PROBES: ReadonlyArray<ReadonlyArray<unknown>> = [[], [7], [7, 3], [{}], [7, {}], [7, 3, {}], ['x'], ['x', 7], [[7]], [7, 3, 2], [{ limit: 5 }]]

const operationsOf = (
  modules: ReadonlyArray<{ readonly builders: ReadonlyArray<readonly [string, (...args: never) => unknown]> }>,
  isRequest: (x: unknown) => boolean
) =>
  new Set(
    modules.flatMap((m) =>
      m.builders.flatMap(([, build]) =>
        PROBES.flatMap((args) => {
          try {
            const d: unknown = (build as (...a: ReadonlyArray<unknown>) => unknown)(...args)
            return isRequest(d) ? [(d as Described).operation] : []
          } catch {
            return []
          }
        })
      )
    )
  )

test('every builder of both APIs has a row (a new endpoint without one fails here)', () => {
  const rowed = new Set(ROWS.map((r) => r.build().operation))
  const classicOps = operationsOf(classicModules, (x) => x !== null && typeof x === 'object' && 'route' in x && 'operation' in x)
  const v1Ops = operationsOf(v1Modules, isV1Request)
  assert.equal([...classicOps, ...v1Ops].filter((op) => !rowed.has(op)).sort(), [])
})

// The executor writes a builder's names with the plain camelCase rule (`wireName`), not the answers' `toSnake` (which
// also reads acronyms and PascalCase): every query and JSON body name of every v1 row must read the same either way.
test('every v1 query and body name is sent as toSnake would write it', () => {
  const names = V1_ROWS.flatMap((r) => {
    const d = r.build() as V1Request<unknown>
    return [...Object.keys(d.query), ...(d.body?._tag === 'Json' ? Object.keys(d.body.value) : [])]
  })
  assert.ok(names.length > 100)
  assert.equal(
    names.filter((name) => wireName(name) !== toSnake(name)),
    []
  )
})

test.run()
