// The API reference (`npm run docs`, run by CI before the tests): one page per public module, from the TSDoc comments
// of the source, written to docs/reference/ (git-ignored). The entry points are the package's public subpaths
// (entries.mjs), so the reference documents exactly what a user can import. Every warning is an error: a broken
// `{@link}`, an export without a comment, an internal type a public one mentions. There is no allow-list: every
// public export has a comment.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { publicEntries, ROOT } from './entries.mjs'
// Source links ("Defined in") need a public repository; without package.json `repository` (and a git remote for it)
// TypeDoc warns that the remote is not valid, and every warning fails the build.
const linkSources = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).repository !== undefined

/** @type {Partial<import('typedoc').TypeDocOptions>} */
export default {
  name: 'kayako-fp',
  entryPoints: Object.values(publicEntries()).map((file) => join(ROOT, 'src', `${file}.ts`)),
  tsconfig: join(ROOT, 'tsconfig.json'),
  out: join(ROOT, 'docs', 'reference'),
  readme: 'none',
  disableSources: !linkSources,
  excludePrivate: true,
  excludeInternal: true,
  validation: { notExported: true, invalidLink: true, invalidPath: true, rewrittenLink: true, notDocumented: true, unusedMergeModuleWith: true },
  // "Every public export has a comment": the exported names themselves (a property is documented where it needs it).
  requiredToBeDocumented: ['Variable', 'Function', 'Class', 'Interface', 'TypeAlias', 'Enum', 'Namespace'],
  treatWarningsAsErrors: true,
  treatValidationWarningsAsErrors: true
}
