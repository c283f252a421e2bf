import { startServer, API_KEY, SECRET_KEY } from './requests'
import * as Department from '../../src/classic/Department'
import { classic } from '../../src/classic/executor'
import { nodeSigner, nodeTransport } from '../../src/node/index'
const s = await startServer()
const node = nodeTransport()
const run = classic({ url: `${s.url}/api/index.php`, apiKey: API_KEY, secretKey: SECRET_KEY, transport: node, signer: nodeSigner })
let n = 0
const worker = async () => { while (n < 30000) { n++; const r = await run(Department.get(1))(); if (r._tag === 'Left') throw new Error('x') } }
const t0 = performance.now()
await Promise.all(Array.from({ length: 32 }, worker))
console.log('rps', 30000 / ((performance.now() - t0) / 1000))
node.destroy(); s.stop()
