// The benchmark's server, run in its own process by requests.ts: prints one JSON line `{ url, label }` once listening
// on 127.0.0.1, and stops when its parent kills it.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

const BODY =
  '<?xml version="1.0" encoding="UTF-8"?>\n<departments>\n\t<department>\n\t\t<id><![CDATA[1]]></id>\n\t\t<title><![CDATA[General]]></title>\n\t\t<type><![CDATA[public]]></type>\n\t\t<app><![CDATA[tickets]]></app>\n\t\t<displayorder><![CDATA[1]]></displayorder>\n\t\t<parentdepartmentid><![CDATA[0]]></parentdepartmentid>\n\t\t<uservisibilitycustom><![CDATA[0]]></uservisibilitycustom>\n\t\t<usergroups />\n\t</department>\n</departments>\n'

const server = createServer((_, res) => {
  res.setHeader('content-type', 'text/xml; charset=UTF-8')
  res.end(BODY)
})
server.keepAliveTimeout = 60_000
server.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, label: 'a static Department answer (node:http)' }))
})
