/**
 * TroubleshooterAttachment — `/Troubleshooter/Attachment` (spec kb-news-troubleshooter §4.4, §1.7). Files of a troubleshooter step,
 * with their contents as bytes. There is no update.
 */
import type { Decoder } from '../core/decoder'
import * as V from '../core/validate'
import { attachmentFields, attachmentForm, checkNewAttachment, type AttachmentFields, type NewAttachmentFile } from './internal/contentAttachments'
import { deleteRequest, getRequest, postRequest, segment, type ClassicRequest } from './internal/request'
import { int, many, one, struct, type Extra, type XmlElement } from './internal/xml'

export type { NewAttachmentFile } from './internal/contentAttachments'

/**
 * A file of a troubleshooter step, with its contents, as
 * `GET /Troubleshooter/Attachment/ListAll/$troubleshooterstepid$` lists it.
 */
export interface TroubleshooterAttachment extends AttachmentFields {
  /** The step the file belongs to. */
  readonly troubleshooterStepId: number
  readonly extra: Extra
}

/** A file to attach to a step with {@link post}. */
export type NewTroubleshooterAttachment = NewAttachmentFile

const attachment: Decoder<XmlElement, TroubleshooterAttachment> = /*#__PURE__*/ struct('troubleshooterattachment', {
  ...attachmentFields(),
  troubleshooterStepId: int('troubleshooterstepid')
})

const attachments = /*#__PURE__*/ many('troubleshooterattachments', 'troubleshooterattachment', attachment)
const oneAttachment = /*#__PURE__*/ one(attachments)

const ROUTE = '/Troubleshooter/Attachment'

const checkIds = (troubleshooterStepId: number, id: number): V.Issues =>
  V.issues(V.positiveInt('troubleshooterStepId', troubleshooterStepId), V.positiveInt('id', id))

/** The files of a step, contents included; an unknown step is a 400 `Troubleshooter step not found`. */
export const all = (troubleshooterStepId: number): ClassicRequest<ReadonlyArray<TroubleshooterAttachment>> =>
  getRequest('TroubleshooterAttachment.all', `${ROUTE}/ListAll/${segment(troubleshooterStepId)}`, attachments, {
    issues: V.positiveInt('troubleshooterStepId', troubleshooterStepId)
  })

/**
 * One file of a step. Not an `Option`: the server answers an unknown attachment with a 404 (`Attachment not
 * Found`, or `Attachment does not belong to the specified step`), which arrives as an `ApiError`.
 */
export const get = (troubleshooterStepId: number, id: number): ClassicRequest<TroubleshooterAttachment> =>
  getRequest('TroubleshooterAttachment.get', `${ROUTE}/${segment(troubleshooterStepId)}/${segment(id)}`, oneAttachment, {
    issues: checkIds(troubleshooterStepId, id)
  })

/** Uploads a file (sent as Base64; the server derives the MIME type from the name's extension). */
export const post = (troubleshooterStepId: number, input: NewTroubleshooterAttachment): ClassicRequest<TroubleshooterAttachment> => {
  const issues = checkNewAttachment('troubleshooterStepId', troubleshooterStepId, input)
  return postRequest('TroubleshooterAttachment.post', ROUTE, oneAttachment, {
    issues,
    form: V.whenValid(issues, () => attachmentForm('troubleshooterstepid', troubleshooterStepId, input))
  })
}

/** Deletes a file of a step (404 `Attachment not Found`; 400 when it belongs to another step). */
const del = (troubleshooterStepId: number, id: number): ClassicRequest<void> =>
  deleteRequest('TroubleshooterAttachment.delete', `${ROUTE}/${segment(troubleshooterStepId)}/${segment(id)}`, { issues: checkIds(troubleshooterStepId, id) })

export { del as delete, get as find, post as save, del as destroy }
