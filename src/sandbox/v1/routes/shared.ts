// Pieces several resources share: tags (`…/:id/tags`), notes (`…/:id/notes`), attachments from uploaded files.
import { err, type ApiErr } from '../errors'
import { everything, fail, notFound, one, offsetPage, type Ctx } from '../context'
import type { Reply } from '../render'
import { bodiesOf, placeAttachments, tagRefs } from '../model'
import { all, find, insert, isoTime, ref, refs, type Ref, type Row, textOf } from '../store'
import { route, type Access, type Route, type RouteCtx } from './route'

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

const tagRows = (ctx: Ctx, row: Row): Array<Row> =>
  ((row.tags as ReadonlyArray<Ref> | undefined) ?? []).map((t) => find(ctx.store, 'tag', t.id)).filter((t): t is Row => t !== undefined)

/**
 * `GET|POST|PUT|DELETE <base>/:id/tags` (spec §3.1): POST adds, PUT replaces, DELETE `?tags=` removes; each answers
 * the resulting tag list.
 */
export const tagRoutes = (base: string, type: string, access: Access): Array<Route> => {
  const withRow = (handle: (ctx: RouteCtx<'id'>, row: Row) => Reply) => (ctx: RouteCtx<'id'>) => {
    const row = find(ctx.store, type, ctx.params.id)
    return row === undefined || row.state === 'TRASH' ? notFound() : handle(ctx, row)
  }
  const same = (a: Ref, b: Ref): boolean => String(a.id) === String(b.id)
  /** Sets the row's tags from the current ones and the named ones, then answers the list. */
  const change = (status: number, combine: (current: ReadonlyArray<Ref>, named: ReadonlyArray<Ref>) => ReadonlyArray<Ref>) =>
    withRow((ctx, row) => {
      // DELETE has no body: its names come in the query.
      const names = ctx.method === 'DELETE' ? ctx.query.get('tags')?.split(',') : ctx.fields.list('tags', { required: true })
      if (names === undefined) return fail(ctx.method === 'DELETE' ? [err('FIELD_REQUIRED', 'tags')] : ctx.fields.errors)
      const named =
        ctx.method === 'DELETE'
          ? names
              .map((n) => all(ctx.store, 'tag').find((t) => t.name === n.trim().toLowerCase()))
              .filter((t): t is Row => t !== undefined)
              .map((t) => ref('tag', t.id as number))
          : tagRefs(ctx.store, names)
      row.tags = [...combine((row.tags as ReadonlyArray<Ref> | undefined) ?? [], named)]
      row.updated_at = isoTime(ctx.now)
      return everything(tagRows(ctx, row), 'tag', status)
    })
  return [
    route(
      'GET',
      `${base}/:id/tags`,
      access,
      withRow((ctx, row) => everything(tagRows(ctx, row), 'tag'))
    ),
    route(
      'POST',
      `${base}/:id/tags`,
      access,
      change(201, (current, named) => [...current, ...named.filter((n) => !current.some((c) => same(c, n)))])
    ),
    route(
      'PUT',
      `${base}/:id/tags`,
      access,
      change(200, (_current, named) => named)
    ),
    route(
      'DELETE',
      `${base}/:id/tags`,
      access,
      change(200, (current, named) => current.filter((c) => !named.some((n) => same(c, n))))
    )
  ]
}

/** `attachment_file_ids`: files uploaded in the caller's session (spec §2.12) become attachment rows. */
export const attachmentsFrom = (ctx: Ctx): { readonly ids: Array<number>; readonly errors: Array<ApiErr> } => {
  const fileIds = ctx.fields.ids('attachment_file_ids')
  if (fileIds === undefined) return { ids: [], errors: [] }
  const errors: Array<ApiErr> = []
  const files = fileIds.map((id) => find(ctx.store, 'file', id))
  const group = ctx.principal?.session?.id ?? `user:${textOf(ctx.principal?.user.id)}`
  if (files.some((f) => f === undefined || f.$group !== group || Date.parse(textOf(f.expiry_at)) < ctx.now)) {
    errors.push(err('FIELD_INVALID', 'attachment_file_ids'))
    return { ids: [], errors }
  }
  const ids = (files as Array<Row>).map((file) => {
    const type = textOf(file.content_type)
    const row = insert(ctx.store, 'attachment', {
      name: file.name ?? null,
      size: file.size ?? null,
      width: null,
      height: null,
      type,
      content_id: null,
      alt: null,
      url: `${ctx.baseUrl}/files/${textOf(file.id)}/content`,
      // set by placeAttachments once the post or note that holds it exists
      url_download: null,
      thumbnails: [],
      created_at: isoTime(ctx.now),
      $file: file.id as number,
      $base: ctx.baseUrl
    })
    return row.id as number
  })
  return { ids, errors }
}

/** Notes of users and organizations (`<base>/:id/notes[/:note_id]`). Case notes live in the cases routes. */
export const noteRoutes = (base: string, type: string): Array<Route> => {
  const notesOf = (ctx: Ctx, id: number) => all(ctx.store, 'note').filter((n) => n.$parent === `${base}/${id}`)
  const recount = (ctx: Ctx, owner: Row) => {
    owner.pinned_notes_count = notesOf(ctx, owner.id as number).filter((n) => n.is_pinned === true).length
  }
  return [
    route('GET', `${base}/:id/notes`, 'agent', (ctx) => {
      if (find(ctx.store, type, ctx.params.id) === undefined) return notFound()
      const pinned = ctx.query.get('is_pinned')
      // Newest first (the users/notes page: "ordered created_at desc").
      const rows = notesOf(ctx, ctx.params.id)
        .filter((n) => pinned === undefined || textOf(n.is_pinned) === pinned.toLowerCase())
        .sort((a, b) => Number(b.id) - Number(a.id))
      return offsetPage(ctx, rows, 'note')
    }),
    route('GET', `${base}/:id/notes/:note_id`, 'agent', (ctx) => {
      const note = find(ctx.store, 'note', ctx.params.note_id)
      return note === undefined || note.$parent !== `${base}/${ctx.params.id}` ? notFound() : one(note)
    }),
    route('POST', `${base}/:id/notes`, 'agent', (ctx) => {
      const owner = find(ctx.store, type, ctx.params.id)
      if (owner === undefined) return notFound()
      const contents = ctx.fields.string('contents', { required: true })
      const pinned = ctx.fields.bool('is_pinned') ?? false
      const files = attachmentsFrom(ctx)
      const errors = [...ctx.fields.errors, ...files.errors]
      if (errors.length > 0 || contents === undefined) return fail(errors)
      const author = ctx.principal.user
      const note = insert(ctx.store, 'note', {
        ...bodiesOf(contents, ctx.fields.bool('is_html') === true),
        is_pinned: pinned,
        pinned_by: pinned ? ref('user', author.id as number) : null,
        user: ref('user', author.id as number),
        attachments: refs('attachment', files.ids),
        download_all: null,
        created_at: isoTime(ctx.now),
        updated_at: isoTime(ctx.now),
        $parent: `${base}/${textOf(owner.id)}`
      })
      placeAttachments(ctx.store, files.ids, `${base}/${textOf(owner.id)}/notes/${textOf(note.id)}`)
      recount(ctx, owner)
      return one(note, 201)
    }),
    route('PUT', `${base}/:id/notes/:note_id`, 'agent', (ctx) => {
      const owner = find(ctx.store, type, ctx.params.id)
      const note = find(ctx.store, 'note', ctx.params.note_id)
      if (owner === undefined || note === undefined || note.$parent !== `${base}/${textOf(owner.id)}`) return notFound()
      return editNote(ctx, note, () => recount(ctx, owner))
    })
  ]
}

/**
 * `PUT <owner>/:id/notes/:note_id` once the note is found (users, organizations and cases): `contents` (not blank)
 * and `is_pinned` change it, then `recount` brings the owner's `pinned_notes_count` up to date; answers the note.
 */
export const editNote = (ctx: RouteCtx<string, 'agent'>, note: Row, recount: () => void): Reply => {
  const contents = ctx.fields.string('contents')
  const pinned = ctx.fields.bool('is_pinned')
  const html = ctx.fields.bool('is_html') === true
  if (contents !== undefined && contents.trim() === '') ctx.fields.errors.push(err('FIELD_EMPTY', 'contents'))
  if (ctx.fields.errors.length > 0) return fail(ctx.fields.errors)
  if (contents !== undefined) Object.assign(note, bodiesOf(contents, html))
  if (pinned !== undefined) {
    note.is_pinned = pinned
    note.pinned_by = pinned ? ref('user', ctx.principal.user.id as number) : null
  }
  note.updated_at = isoTime(ctx.now)
  recount()
  return one(note)
}

/** `?ids=1,2` and `?legacy_ids=a,b` list filters. */
export const idFilters = (ctx: Ctx, rows: ReadonlyArray<Row>): ReadonlyArray<Row> => {
  const ids = ctx.query
    .get('ids')
    ?.split(',')
    .map((s) => s.trim())
  const legacy = ctx.query
    .get('legacy_ids')
    ?.split(',')
    .map((s) => s.trim())
  return rows.filter((r) => (ids === undefined || ids.includes(textOf(r.id))) && (legacy === undefined || legacy.includes(textOf(r.legacy_id))))
}
