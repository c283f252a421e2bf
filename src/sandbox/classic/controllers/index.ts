/** The controllers by `app/controller`, in lower case (PHP resolves class names case-insensitively). */
import type { Controller } from '../controller'
import { CustomField } from './CustomField'
import { CustomFieldGroup } from './CustomFieldGroup'
import { Department } from './Department'
import { KnowledgebaseArticle, KnowledgebaseAttachment, KnowledgebaseCategory, KnowledgebaseComment } from './knowledgebase'
import { NewsCategory, NewsComment, NewsItem, NewsSubscriber } from './news'
import { Staff } from './Staff'
import { StaffGroup } from './StaffGroup'
import { TestAPI } from './TestAPI'
import { Ticket } from './Ticket'
import { TicketAttachment } from './TicketAttachment'
import { TicketCount } from './TicketCount'
import { TicketCustomField } from './TicketCustomField'
import { TicketNote } from './TicketNote'
import { TicketPost } from './TicketPost'
import { TicketPriority } from './TicketPriority'
import { TicketSearch } from './TicketSearch'
import { TicketStatus } from './TicketStatus'
import { TicketTimeTrack } from './TicketTimeTrack'
import { TicketType } from './TicketType'
import { User } from './User'
import { UserGroup } from './UserGroup'
import { UserOrganization } from './UserOrganization'
import { UserSearch } from './UserSearch'
import { TroubleshooterAttachment, TroubleshooterCategory, TroubleshooterComment, TroubleshooterStep } from './troubleshooter'

export const CONTROLLERS: Readonly<Record<string, Controller>> = {
  'base/department': Department,
  'base/staff': Staff,
  'base/staffgroup': StaffGroup,
  'base/user': User,
  'base/usersearch': UserSearch,
  'base/usergroup': UserGroup,
  'base/userorganization': UserOrganization,
  'base/customfield': CustomField,
  'base/customfieldgroup': CustomFieldGroup,
  'tickets/ticket': Ticket,
  'tickets/ticketsearch': TicketSearch,
  'tickets/ticketcount': TicketCount,
  'tickets/ticketpost': TicketPost,
  'tickets/ticketnote': TicketNote,
  'tickets/tickettimetrack': TicketTimeTrack,
  'tickets/ticketattachment': TicketAttachment,
  'tickets/ticketcustomfield': TicketCustomField,
  'tickets/ticketpriority': TicketPriority,
  'tickets/ticketstatus': TicketStatus,
  'tickets/tickettype': TicketType,
  'core/testapi': TestAPI,
  'knowledgebase/category': KnowledgebaseCategory,
  'knowledgebase/article': KnowledgebaseArticle,
  'knowledgebase/comment': KnowledgebaseComment,
  'knowledgebase/attachment': KnowledgebaseAttachment,
  'news/category': NewsCategory,
  'news/newsitem': NewsItem,
  'news/comment': NewsComment,
  'news/subscriber': NewsSubscriber,
  'troubleshooter/category': TroubleshooterCategory,
  'troubleshooter/step': TroubleshooterStep,
  'troubleshooter/comment': TroubleshooterComment,
  'troubleshooter/attachment': TroubleshooterAttachment
}
