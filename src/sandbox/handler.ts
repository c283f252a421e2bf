/**
 * The sandbox as a function: `createSandbox(options).handle(request)` answers like a Kayako Classic server (see
 * `classic/`), with no sockets, in any runtime. `sandboxTransport` mounts it as a `Transport` for an executor;
 * `server.ts` serves it over HTTP. Other APIs can be mounted under a path prefix (e.g. the v1 sandbox at `/api/v1/`).
 */
import * as E from '../core/either'
import { transportError, redact } from '../core/error'
import type { HttpRequest, HttpResponse, Transport } from '../core/http'
import { createClassicHandler } from './classic/handler'
import { faultInjector, faultyTransport, type FaultInjector, type FaultOptions } from './faults'
import { seedStore } from './classic/seed'
import { seedBulkTickets } from './classic/seedBulk'
import { behaviour, type HelpdeskSettings, type Leniency } from './classic/settings'
import { Store } from './classic/store'
import { createV1Sandbox, type Credentials, type V1Sandbox, type V1SandboxOptions } from './v1/handler'

/** A server as a function: an HTTP request in, a response out (what `mount` takes and `sandbox.handle` is). */
export type RequestHandler = (request: HttpRequest) => Promise<HttpResponse>

/** Options of `createSandbox`, `sandboxTransport` and `startSandbox`: keys, seed, clock, settings, tolerances, faults, the v1 side. */
export interface SandboxOptions {
  /** Default `sandbox-api-key`. */
  readonly apiKey?: string
  /** Default `sandbox-secret-key`. */
  readonly secretKey?: string
  /** Load the seed data set (default true); `false` starts with an empty helpdesk. */
  readonly seed?: boolean
  /** The clock, in Unix seconds (default: the system clock). */
  readonly now?: () => number
  /** Bodies above this size are refused with 400 (default 16 MiB). */
  readonly maxBodyBytes?: number
  /** `false` answers every Classic call with 403 and an empty body, as a helpdesk with its API switched off. */
  readonly apiEnabled?: boolean
  /**
   * Print the PHP notices the real server prints before some answers (default false), e.g. `Undefined index:
   * isprivate` for a TicketPost without `isprivate` (spec §2.10): for testing how a client copes with them.
   */
  readonly phpNotices?: boolean
  /**
   * The v1 JSON API sandbox, served under `/api/v1/` beside the Classic API (default: on, with its own seed data);
   * `false` leaves it out.
   */
  readonly v1?: V1SandboxOptions | false
  /** Further handlers by path prefix, e.g. `{ '/api/v1/': v1Sandbox.handle }`; the longest matching prefix wins. */
  readonly mounts?: Readonly<Record<string, RequestHandler>>
  /**
   * The helpdesk settings that change what the Classic API does (`t_eticketid`, `t_cstatusupd`, `t_resultlimit`,
   * `t_postorder`, editor format), default 4.98.8's defaults: set them to match your own helpdesk.
   */
  readonly settings?: Partial<HelpdeskSettings>
  /**
   * Tolerances where the sandbox may be friendlier than a real Kayako, each off by default (see `LENIENCIES`): the
   * sandbox is as strict as 4.98.8 unless told otherwise.
   */
  readonly lenient?: ReadonlyArray<Leniency>
  /**
   * Injected faults (connection resets, hangs, 5xx, 429, truncated bodies, PHP notices, HTML pages, slow bodies) at
   * a rate or scripted per route, through `sandboxTransport` and `startSandbox` alike; see `FaultOptions`.
   */
  readonly faults?: FaultOptions
  /**
   * Bulk data after the seed, for tests at scale: `tickets` Classic tickets (`classic/seedBulk.ts`) and `cases` v1
   * cases (`v1/seedBulk.ts`), each with posts, files, notes and time tracks; deterministic, written into the stores.
   */
  readonly bulk?: { readonly tickets?: number; readonly cases?: number }
}

/** An in-memory Kayako (Classic, and v1 under `/api/v1/`): its request handler, its keys, its store and its v1 side. */
export interface Sandbox {
  /** Answers one request; never rejects. */
  readonly handle: RequestHandler
  readonly apiKey: string
  readonly secretKey: string
  /** The v1 side (its agent's credentials, `expireSessions`…), unless created with `v1: false`; new after `reset`. */
  readonly v1: V1Sandbox | undefined
  /** The data, for inspection in tests (a new object after `reset`). */
  readonly store: Store
  /** Back to the initial data (seeded or empty, as created). */
  reset(): void
  /** Adds a handler for a path prefix (see `SandboxOptions.mounts`). */
  mount(prefix: string, handler: RequestHandler): void
  /** The fault injector when `faults` was given: its `log` says which requests met which fault. */
  readonly faults: FaultInjector | undefined
}

/** The sandbox's API key unless `apiKey` is given. */
export const DEFAULT_API_KEY = 'sandbox-api-key'
/** The sandbox's secret key unless `secretKey` is given. */
export const DEFAULT_SECRET_KEY = 'sandbox-secret-key'
/** The largest request body the sandbox reads unless `maxBodyBytes` is given (16 MiB); a larger one is refused with 400. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024

/** Where the v1 sandbox is served. */
export const V1_PREFIX = '/api/v1/'

/** The v1 sandbox's agent login (e-mail and password). */
export type { Credentials as V1Credentials }

const systemClock = (): number => Math.floor(Date.now() / 1000)

const pathOf = (url: string): string => {
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').split(/[?#]/)[0] ?? ''
  return path.startsWith('/') ? path : `/${path}`
}

const plain = (status: number, body: string): HttpResponse => ({ status, headers: { 'content-type': 'text/plain; charset=UTF-8' }, body })

/** A sandbox with no socket: call its `handle`, or give `sandboxTransport(sandbox)` to an executor. */
export const createSandbox = (options: SandboxOptions = {}): Sandbox => {
  const apiKey = options.apiKey ?? DEFAULT_API_KEY
  const secretKey = options.secretKey ?? DEFAULT_SECRET_KEY
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
  const now = options.now ?? systemClock
  const mounts = new Map<string, RequestHandler>(Object.entries(options.mounts ?? {}))
  const faults = options.faults === undefined ? undefined : faultInjector(options.faults)

  const fresh = () => {
    const store = new Store(now, behaviour(options.settings, options.lenient))
    if (options.seed !== false) seedStore(store)
    if (options.bulk?.tickets !== undefined) seedBulkTickets(store, options.bulk.tickets, now())
    const cases = options.bulk?.cases
    const v1 =
      options.v1 === false
        ? undefined
        : createV1Sandbox({ lenient: options.lenient, ...(cases === undefined ? {} : { bulk: { cases } }), ...(options.v1 ?? {}) })
    return {
      store,
      v1,
      classic: createClassicHandler({
        store,
        apiKey,
        secretKey,
        maxBodyBytes,
        phpNotices: options.phpNotices === true,
        apiEnabled: options.apiEnabled !== false
      })
    }
  }
  let state = fresh()

  const handle: RequestHandler = async (request) => {
    try {
      const path = pathOf(request.url)
      const prefix = [...mounts.keys()].filter((p) => path.startsWith(p)).sort((a, b) => b.length - a.length)[0]
      if (prefix !== undefined) return await (mounts.get(prefix) as RequestHandler)(request)
      if (state.v1 !== undefined && (path === V1_PREFIX.slice(0, -1) || path.startsWith(V1_PREFIX))) return await state.v1.handle(request)
      const answer = await state.classic(request)
      return answer ?? plain(404, `Not Found: ${path} (the Classic API is at /api/index.php)`)
    } catch (thrown) {
      // A bug in the sandbox must not take the server down: it is answered, and says what happened.
      return plain(500, `Sandbox error: ${thrown instanceof Error ? thrown.message : String(thrown)}`)
    }
  }

  return {
    handle,
    apiKey,
    secretKey,
    get store() {
      return state.store
    },
    get v1() {
      return state.v1
    },
    reset: () => {
      state = fresh()
    },
    mount: (prefix, handler) => {
      mounts.set(prefix, handler)
    },
    faults
  }
}

const isSandbox = (x: SandboxOptions | Sandbox): x is Sandbox => typeof (x as Sandbox).handle === 'function'

/**
 * A `Transport` answered by a sandbox, without sockets: pass it to `classic({ url, apiKey, secretKey, transport })`.
 * The URL's host is ignored; use e.g. `http://sandbox/api/index.php`. Give it a sandbox to inspect its store.
 */
export const sandboxTransport = (sandbox: SandboxOptions | Sandbox = {}): Transport => {
  const target = isSandbox(sandbox) ? sandbox : createSandbox(sandbox)
  const faulty = target.faults === undefined ? undefined : faultyTransport(target.handle, target.faults)
  return (request) => async () => {
    if (request.signal?.aborted === true) return E.left(transportError(request.operation ?? 'request', redact(request), 'aborted'))
    if (faulty !== undefined) return faulty(request)()
    return E.right(await target.handle(request))
  }
}

export { DEFAULT_SETTINGS, LENIENCIES, type HelpdeskSettings, type Leniency } from './classic/settings'
export { FAULT_KINDS, HANDLED, type FaultInjector, type FaultKind, type FaultOptions, type FaultRecord } from './faults'
// The types of `Sandbox.store` (its tables and rows) and `Sandbox.v1`, to name them in tests.
export type {
  Store,
  AttachmentRow,
  CustomFieldGroupRow,
  CustomFieldOptionRow,
  CustomFieldRow,
  DepartmentApp,
  DepartmentRow,
  FieldType,
  FieldValue,
  NoteRow,
  ProfileNoteRow,
  SlaPlanRow,
  StaffGroupRow,
  StaffRow,
  Table,
  TemplateGroupRow,
  TicketPostRow,
  TicketPriorityRow,
  TicketRow,
  TicketStatusRow,
  TicketTypeRow,
  TimeTrackRow,
  UserGroupRow,
  UserOrganizationRow,
  UserRow,
  WorkflowRow
} from './classic/store'
export type {
  ContentAttachmentRow,
  ContentCommentRow,
  KbArticleRow,
  KbCategoryRow,
  NewsCategoryRow,
  NewsItemRow,
  NewsSubscriberRow,
  TroubleshooterCategoryRow,
  TroubleshooterStepRow
} from './classic/contentRows'
export type { Behaviour } from './classic/settings'
export type { V1Sandbox, V1SandboxOptions } from './v1/handler'
