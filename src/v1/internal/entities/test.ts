import { bool, nullableNumber, nullableText, related, type Related, requiredInt, struct, text } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { type User, user } from './people'
import { type Resource, url } from './resource'

/** The public test resource (`/tests`), useful to check connectivity and options. */
export interface Test extends Resource {
  readonly id: number
  readonly name: string
  readonly authenticationScheme: string | null
  readonly isBaseInstalled: boolean
  readonly user: Related<User> | null
  readonly isOdd: boolean
  readonly generationTime: number | null
}

// `session_id` (the caller's own session, a credential) is deliberately not kept.
export const test: Decoder<unknown, Test> = /*#__PURE__*/ struct(
  'test',
  () => ({
    id: requiredInt('id'),
    name: text('name'),
    authenticationScheme: nullableText('authentication_scheme'),
    isBaseInstalled: bool('is_base_installed'),
    user: related('user', user),
    isOdd: bool('is_odd'),
    generationTime: nullableNumber('generation_time'),
    ...url()
  }),
  ['session_id']
)
