/**
 * What every v1 entity decoder shares (spec §3.2): timestamps, the resource URL, and the decoder of a resource this
 * client has no type for.
 *
 * The entity decoders live in this folder, one file per resource, beside each other because resources nest (a case
 * holds its requester, a user its role and teams): a resource module (`src/v1/<Resource>.ts`) imports its entity from
 * here and no other resource module. Each decoder is a `#__PURE__` call whose fields are a function, so a bundler keeps
 * only the decoders the imported modules reach (importing `Team` keeps team and business hour, not user or case).
 *
 * Names are camelCase; timestamps are `Date | null`; a related resource is the resource when the response included
 * it (`include`, flat mode) and a `Reference` otherwise. Keys a decoder does not know are kept in `extra`.
 */
import { type Extra, record, type Reference, type Related } from '../codec'
import type { Decoder } from '../../../core/decoder'

export interface Timestamps {
  readonly createdAt: Date | null
  readonly updatedAt: Date | null
}

export interface Resource {
  readonly resourceUrl: string | null
  readonly extra: Extra
}

/** Any resource this client has no type for (brand, mailbox, SLA version, a post's original …). */
export interface AnyResource {
  readonly id: number | string | null
  readonly resourceType: string | null
  readonly resourceUrl: string | null
  readonly extra: Extra
}

export const anyResource: Decoder<unknown, AnyResource> = /*#__PURE__*/ record(undefined, 'id:x resourceType resourceUrl')

/**
 * A resource with its own fields typed and the resources it refers to decoded generically: each related resource
 * (a case's requester, a user's teams, a custom field value's field) is an {@link AnyResource} when included, else a
 * `Reference`; a list of sub-records (custom field values) is shallow in turn; anything else is as it is. What a
 * search of one resource (`Search.cases` …) holds in `data`, so that it does not carry the decoder of every resource
 * the found one could refer to.
 */
export type Shallow<A> = {
  readonly [K in keyof A]: [A[K]] extends [ReadonlyArray<infer I>]
    ? [Reference] extends [I]
      ? ReadonlyArray<Related<AnyResource>>
      : [I] extends [object]
        ? ReadonlyArray<Shallow<I>>
        : A[K]
    : [Reference] extends [A[K]]
      ? Related<AnyResource> | Extract<A[K], null>
      : A[K]
}
