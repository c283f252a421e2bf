// The benchmark's server, run in its own process by requests.ts: the Classic sandbox served on 127.0.0.1 (it checks
// every signature, as Kayako does). Prints one JSON line `{ url, label }` once listening; stops when its parent kills
// it.
import { startSandbox } from '../../src/sandbox/server'
import { API_KEY, SECRET_KEY } from './keys'

const main = async (): Promise<void> => {
  const sandbox = await startSandbox({ apiKey: API_KEY, secretKey: SECRET_KEY })
  console.log(JSON.stringify({ url: `http://127.0.0.1:${sandbox.port}`, label: 'the Classic sandbox (`startSandbox`)' }))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
