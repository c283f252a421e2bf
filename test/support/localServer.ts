// A test's own HTTP server on 127.0.0.1: where it listens, and a close that also ends the connections clients keep.
import type { Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export interface Listening {
  /** `http://127.0.0.1:<port>` */
  readonly base: string
  /** Destroys every connection the server accepted (kept-alive ones would hold `close` open), then closes it. */
  readonly close: () => Promise<void>
}

export const listenLocally = async (server: Server): Promise<Listening> => {
  const sockets = new Set<Socket>()
  server.on('connection', (s) => sockets.add(s))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      for (const s of sockets) s.destroy()
      await new Promise((resolve) => server.close(resolve))
    }
  }
}
