/**
 * Locale — `/locales`, the languages the instance knows (unpaginated). A locale's code (`locale`) is what the
 * translations of help-center texts name.
 */
import * as V from '../core/validate'
import { locale, type Locale } from './internal/entities/locale'
import { getRequest, many, one, segment, type V1Request } from './internal/request'

export type { Locale } from './internal/entities/locale'

const PATH = '/locales'

/** Every locale of the instance (`GET /locales`, unpaginated). */
export const all = (): V1Request<ReadonlyArray<Locale>> => getRequest('Locale.all', PATH, many(locale))

/** One locale (`GET /locales/:id`). */
export const get = (id: number): V1Request<Locale> => getRequest('Locale.get', `${PATH}/${segment(id)}`, one(locale), { issues: V.positiveInt('id', id) })

export { get as find }
