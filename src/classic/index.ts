export { classic, type ClassicConfig, type ClassicExecutor } from './internal/executor'
export type { ClassicRequest, ClassicMethod, FilePart, FormPairs, FormValue, ResponseDecoder, Result } from './internal/request'
export type { Extra, XmlElement, XmlNode, XmlParser } from './internal/xml'
export { extraText } from './internal/xml'
export { webCryptoSigner, type Signer } from './internal/signer'
export * as Department from './Department'
export * as Ticket from './Ticket'
export * as TicketPost from './TicketPost'
export * as TicketNote from './TicketNote'
export * as TicketTimeTrack from './TicketTimeTrack'
export * as TicketAttachment from './TicketAttachment'
export * as TicketCustomField from './TicketCustomField'
export * as TicketCount from './TicketCount'
export * as Staff from './Staff'
export * as StaffGroup from './StaffGroup'
export * as User from './User'
export * as UserGroup from './UserGroup'
export * as UserOrganization from './UserOrganization'
export * as TicketPriority from './TicketPriority'
export * as TicketStatus from './TicketStatus'
export * as TicketType from './TicketType'
export * as CustomField from './CustomField'
export { byOffset, collect, pages, type OffsetPageOptions, type PageResult, type PageStream, type Walk } from './internal/pages'
export {
  attachmentsOf,
  customFieldsOf,
  departmentOf,
  notesOf,
  postsOf,
  timeTracksOf,
  ownerStaffOf,
  runOptional,
  staffGroupOf,
  ticketPriorityOf,
  ticketStatusOf,
  ticketTypeOf,
  userGroupOf,
  userOf,
  userOrganizationOf,
  type OptionalRequest
} from './internal/associated'
export { withCache, type CachedExecutor } from './internal/cache'
export * as KnowledgebaseCategory from './KnowledgebaseCategory'
export * as KnowledgebaseArticle from './KnowledgebaseArticle'
export * as KnowledgebaseComment from './KnowledgebaseComment'
export * as KnowledgebaseAttachment from './KnowledgebaseAttachment'
export * as NewsCategory from './NewsCategory'
export * as NewsItem from './NewsItem'
export * as NewsComment from './NewsComment'
export * as NewsSubscriber from './NewsSubscriber'
export * as TroubleshooterCategory from './TroubleshooterCategory'
export * as TroubleshooterStep from './TroubleshooterStep'
export * as TroubleshooterComment from './TroubleshooterComment'
export * as TroubleshooterAttachment from './TroubleshooterAttachment'
export {
  childStepsOf,
  kbArticleOf,
  kbArticlesOf,
  kbAttachmentOf,
  kbAttachmentsOf,
  kbCategoriesOf,
  kbCommentsOf,
  newsCategoriesOf,
  newsCommentsOf,
  newsItemOf,
  newsItemsOf,
  parentKbCategoryOf,
  parentStepsOf,
  stepAttachmentOf,
  stepAttachmentsOf,
  stepCommentsOf,
  stepOf,
  troubleshooterCategoryOf
} from './internal/associatedContent'
