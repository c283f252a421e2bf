/**
 * LocaleField — `/locale/fields/:id`, one translation of a help-center text (the `titles`, `contents` and
 * `descriptions` of articles, sections and categories refer to them).
 */
import * as V from '../core/validate'
import { localeField, type LocaleField } from './internal/entities/localeField'
import { getRequest, one, segment, type V1Request } from './internal/request'

export type { LocaleField, Slug } from './internal/entities/localeField'

/** One translation (`GET /locale/fields/:id`), for a text left as a reference in a help-center resource. */
export const get = (id: number): V1Request<LocaleField> =>
  getRequest('LocaleField.get', `/locale/fields/${segment(id)}`, one(localeField), { issues: V.positiveInt('id', id) })

export { get as find }
