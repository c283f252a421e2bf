// `npm run sandbox`: serves the sandbox in the foreground until Ctrl-C. `PORT=8080 npm run sandbox` picks the port.
import { signature } from '../classic/internal/sign'
import { startSandbox } from './server'

const main = async (): Promise<void> => {
  const port = Number(process.env.PORT ?? 0)
  const running = await startSandbox({ port: Number.isInteger(port) && port > 0 ? port : 0 })
  console.log('Kayako Classic sandbox (in memory, seed data loaded)')
  console.log(`  URL         ${running.url}`)
  console.log(`  API key     ${running.apiKey}`)
  console.log(`  Secret key  ${running.secretKey}`)
  const salt = 'try-me'
  const signed = encodeURIComponent(await signature(running.secretKey, salt))
  if (running.v1 !== undefined) {
    console.log('\nKayako v1 JSON API sandbox, same server')
    console.log(`  URL         ${running.v1.url}`)
    console.log(`  Username    ${running.v1.username}`)
    console.log(`  Password    ${running.v1.password}`)
  }
  console.log(`\nTry:  curl '${running.url}?e=/Base/Department&apikey=${running.apiKey}&salt=${salt}&signature=${signed}'`)
  console.log('Ctrl-C stops it.')
  const stop = () => {
    void running.close().finally(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
