// Decode throughput: `Ticket.all` end to end through the executor (a canned transport answers with a generated ticket
// list) against bare `txml.parse` of the same text and fast-xml-parser's parse alone, in MB/s.
import { XMLParser } from 'fast-xml-parser'
import { parse } from 'txml/txml'
import type { Transport } from '../../src/core/http'
import { Classic, Ticket } from './built'
import { ticketListXml } from './generate'
import { fixed, interleaved, mb, table } from './measure'

export interface DecodeRow {
  readonly bytes: number
  readonly tickets: number
  /** MB/s */
  readonly client: number
  readonly txml: number
  readonly fxp: number
}

const answering =
  (body: string): Transport =>
  () =>
  async () => ({ _tag: 'Right', right: { status: 200, headers: {}, body } })

export const benchDecode = async (rounds: number, sizes: ReadonlyArray<number> = [1e6, 10e6, 50e6]): Promise<Array<DecodeRow>> => {
  const rows: Array<DecodeRow> = []
  for (const size of sizes) {
    const text = ticketListXml(size)
    const bytes = Buffer.byteLength(text)
    // maxBodyBytes: the 50 MB list is above the executor's default limit (32 MiB).
    const run = Classic.classic({
      url: 'https://help.example.com/api/index.php',
      apiKey: 'k',
      secretKey: 's',
      transport: answering(text),
      maxBodyBytes: Infinity
    })
    const request = Ticket.all({ departmentIds: [1] })
    const checked = await run(request)()
    if (checked._tag === 'Left') throw new Error(`the generated ticket list does not decode: ${JSON.stringify(checked.left).slice(0, 500)}`)
    const fxp = new XMLParser({ ignoreAttributes: false })
    const ms = await interleaved(rounds, {
      client: () => run(request)(),
      txml: () => parse(text),
      fxp: () => fxp.parse(text)
    })
    const rate = (x: number): number => bytes / 1e6 / (x / 1000)
    rows.push({ bytes, tickets: checked.right.length, client: rate(ms.client), txml: rate(ms.txml), fxp: rate(ms.fxp) })
  }
  return rows
}

export const decodeTable = (rows: ReadonlyArray<DecodeRow>): string =>
  table(
    [
      'ticket list',
      'tickets',
      '`Ticket.all` decode MB/s',
      'bare txml.parse MB/s',
      'fast-xml-parser MB/s',
      'vs txml (goal ≥ 0.5×)',
      'vs fast-xml-parser (goal ≥ 2×)'
    ],
    rows.map((r) => [
      mb(r.bytes),
      r.tickets,
      fixed(r.client, 1),
      fixed(r.txml, 1),
      fixed(r.fxp, 1),
      `${fixed(r.client / r.txml)}×`,
      `${fixed(r.client / r.fxp)}×`
    ])
  )
