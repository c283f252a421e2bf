// The v1 builder suites' view of a request: as it goes out (without authentication), body parsed, issues as text.
import { toHttpRequest } from '../../src/v1/internal/executor'
import type { V1Request } from '../../src/v1/internal/request'

/** The request as it goes out (without authentication), body parsed. */
export const wire = (req: V1Request<unknown>) => {
  const http = toHttpRequest('https://h/api/v1', req)
  return {
    line: `${http.method} ${http.url.slice('https://h/api/v1'.length)}`,
    body: http.headers['content-type'] === 'application/json' && typeof http.body === 'string' ? JSON.parse(http.body) : http.body,
    issues: req.issues.map((i) => `${i.path}: ${i.message}`)
  }
}
