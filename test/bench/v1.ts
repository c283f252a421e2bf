// v1 decoding: `Case.all` end to end through the v1 executor (a canned transport answers with a generated 10 MB case
// list) in each letter case, with and without flat `resources`, against `JSON.parse` of the same text alone.
import type { Transport } from '../../src/core/http'
import { V1, V1Case } from './built'
import { v1CaseListJson } from './generate'
import { fixed, interleaved, mb, table } from './measure'

export interface V1Row {
  readonly letterCase: string
  readonly flat: boolean
  readonly bytes: number
  readonly cases: number
  /** MB/s */
  readonly client: number
  readonly jsonParse: number
}

const answering =
  (body: string): Transport =>
  () =>
  async () => ({ _tag: 'Right', right: { status: 200, headers: { 'content-type': 'application/json' }, body } })

export const benchV1 = async (rounds: number, bytes = 10e6): Promise<Array<V1Row>> => {
  const rows: Array<V1Row> = []
  for (const flat of [false, true]) {
    for (const letterCase of ['snake', 'camel', 'pascal'] as const) {
      const text = v1CaseListJson(bytes, letterCase, flat)
      const run = V1.v1({ url: 'https://brewfictus.kayako.com', auth: { sessionId: 'bench-session' }, transport: answering(text) })
      // asked as it is answered: the answers to `_case` and `_flat` are normalised for the requests that ask for them
      const request = V1.withOptions({ case: letterCase, flat })(V1Case.all())
      const checked = await run(request)()
      if (checked._tag === 'Left') throw new Error(`the generated case list does not decode: ${JSON.stringify(checked.left).slice(0, 500)}`)
      const requester = checked.right.items[0]?.requester as { _tag?: string } | null | undefined
      if ((requester?._tag === 'Reference') === flat) throw new Error(`flat resources ${flat ? 'were not' : 'should not be'} resolved`)
      const ms = await interleaved(rounds, { client: () => run(request)(), jsonParse: () => JSON.parse(text) })
      const rate = (x: number): number => text.length / 1e6 / (x / 1000)
      rows.push({ letterCase, flat, bytes: text.length, cases: checked.right.items.length, client: rate(ms.client), jsonParse: rate(ms.jsonParse) })
    }
  }
  return rows
}

export const v1Table = (rows: ReadonlyArray<V1Row>): string =>
  table(
    ['case list', 'letter case', 'flat', 'cases', '`Case.all` decode MB/s', 'JSON.parse MB/s', 'ratio'],
    rows.map((r) => [mb(r.bytes), r.letterCase, r.flat ? 'yes' : 'no', r.cases, fixed(r.client, 1), fixed(r.jsonParse, 1), `${fixed(r.client / r.jsonParse)}×`])
  )
