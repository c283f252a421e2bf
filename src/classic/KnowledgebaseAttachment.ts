/**
 * KnowledgebaseAttachment — `/Knowledgebase/Attachment` (spec kb-news-troubleshooter §2.4, §1.7). Files of an article,
 * with their contents as bytes. There is no update.
 */
import type { Decoder } from '../core/decoder'
import * as V from '../core/validate'
import { attachmentFields, attachmentForm, checkNewAttachment, type AttachmentFields, type NewAttachmentFile } from './internal/contentAttachments'
import { deleteRequest, getRequest, postRequest, segment, type ClassicRequest } from './internal/request'
import { int, many, one, struct, type Extra, type XmlElement } from './internal/xml'

export type { NewAttachmentFile } from './internal/contentAttachments'

/** A file of a knowledgebase article, with its contents, as `GET /Knowledgebase/Attachment/ListAll/$kbarticleid$` lists it. */
export interface KnowledgebaseAttachment extends AttachmentFields {
  /** The article the file belongs to. */
  readonly kbArticleId: number
  readonly extra: Extra
}

/** A file to attach to an article with {@link post}. */
export type NewKnowledgebaseAttachment = NewAttachmentFile

const attachment: Decoder<XmlElement, KnowledgebaseAttachment> = /*#__PURE__*/ struct('kbattachment', {
  ...attachmentFields(),
  kbArticleId: int('kbarticleid')
})

const attachments = /*#__PURE__*/ many('kbattachments', 'kbattachment', attachment)
const oneAttachment = /*#__PURE__*/ one(attachments)

const ROUTE = '/Knowledgebase/Attachment'

const checkIds = (kbArticleId: number, id: number): V.Issues => V.issues(V.positiveInt('kbArticleId', kbArticleId), V.positiveInt('id', id))

/** The files of an article, contents included; an unknown article is a 400 `Article not found`. */
export const all = (kbArticleId: number): ClassicRequest<ReadonlyArray<KnowledgebaseAttachment>> =>
  getRequest('KnowledgebaseAttachment.all', `${ROUTE}/ListAll/${segment(kbArticleId)}`, attachments, { issues: V.positiveInt('kbArticleId', kbArticleId) })

/**
 * One file of an article. Not an `Option`: the server answers an unknown attachment with a 404 (`Attachment not
 * Found`, or `Attachment does not belong to the specified article`), which arrives as an `ApiError`.
 */
export const get = (kbArticleId: number, id: number): ClassicRequest<KnowledgebaseAttachment> =>
  getRequest('KnowledgebaseAttachment.get', `${ROUTE}/${segment(kbArticleId)}/${segment(id)}`, oneAttachment, { issues: checkIds(kbArticleId, id) })

/** Uploads a file (sent as Base64; the server derives the MIME type from the name's extension). */
export const post = (kbArticleId: number, input: NewKnowledgebaseAttachment): ClassicRequest<KnowledgebaseAttachment> => {
  const issues = checkNewAttachment('kbArticleId', kbArticleId, input)
  return postRequest('KnowledgebaseAttachment.post', ROUTE, oneAttachment, {
    issues,
    form: V.whenValid(issues, () => attachmentForm('kbarticleid', kbArticleId, input))
  })
}

/** Deletes a file of an article (404 `Attachment not Found`; 400 when it belongs to another article). */
const del = (kbArticleId: number, id: number): ClassicRequest<void> =>
  deleteRequest('KnowledgebaseAttachment.delete', `${ROUTE}/${segment(kbArticleId)}/${segment(id)}`, { issues: checkIds(kbArticleId, id) })

export { del as delete, get as find, post as save, del as destroy }
