/**
 * Session — `/session` (spec §1.4). The executor logs in and keeps the session by itself; these builders read the
 * session resource, keep it alive and end it.
 */
import { session, type Session } from './internal/entities/session'
import { deleteRequest, getRequest, none, one, putRequest, type V1Request } from './internal/request'

export type { Session, SessionStatus } from './internal/entities/session'

const PATH = '/session'

/** The current session (its `id` is the session id: a credential). */
export const get = (): V1Request<Session> => getRequest('Session.get', PATH, one(session))

/** Marks the session active (`PUT /session/ack`). */
export const ack = (): V1Request<void> => putRequest('Session.ack', `${PATH}/ack`, none)

/** Logs out. An executor holding credentials logs in again on its next call. */
const del = (): V1Request<void> => deleteRequest('Session.delete', PATH, none)

export { del as delete, get as find, del as destroy, del as logout }
