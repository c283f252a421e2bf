// The README's TypeScript examples compile against the source, as a user would write them.
//
// Every ```ts block of README.md becomes a module file under test/.readme/ (git-ignored, excluded from the root
// tsconfig, rewritten on every run). A generated tsconfig extends the project's and maps each public name
// (`kayako-fp/classic/Ticket` …, from test/tooling/entries.mjs: exactly the modules a user can import) to its source
// file, so the blocks keep their real import lines and tsc's line numbers are the block's own. Every file is a module
// (`moduleDetection: force`), so blocks may use top-level await and may declare the same names as other blocks.
// One tsc run checks every block.
//
// A block fenced as ```ts skip-check is left out: use it only for a fragment that cannot stand alone (say, a config
// shape with elided values) and that its surrounding prose explains.
//
// A canary block with a deliberate type error is checked in the same run: the test fails unless tsc reports it, so
// a setup that silently checks nothing (wrong include, unresolved paths typed as any) cannot pass.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { publicEntries, ROOT } from './tooling/entries.mjs'

export interface Block {
  /** The nearest heading above the block ('(top)' before any), with the bold lead of a paragraph after it if any. */
  readonly heading: string
  /** README line of the block's first code line (1-based). */
  readonly line: number
  readonly code: string
  readonly skip: boolean
}

/** The ```ts / ```typescript blocks of a markdown text, in order. */
export const tsBlocks = (markdown: string): ReadonlyArray<Block> => {
  const lines = markdown.split(/\r?\n/)
  const blocks: Array<Block> = []
  let section = '(top)'
  let heading = section
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const h = /^#{1,6}\s+(.*\S)\s*$/.exec(line)
    if (h) {
      section = h[1] ?? section
      heading = section
      continue
    }
    // A paragraph led by a bold title (`**Creating a user** …`) names the blocks after it within the section.
    const lead = /^\*\*([^*]+)\*\*/.exec(line)
    if (lead) heading = `${section} › ${(lead[1] ?? '').replace(/[:.]$/, '')}`
    const fence = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)\s*(.*)$/.exec(line)
    if (!fence) continue
    const [, indent = '', marker = '```', lang = '', info = ''] = fence
    // Skip to the closing fence whatever the language, so a heading-like line inside a block is not a heading.
    const body: Array<string> = []
    let j = i + 1
    while (j < lines.length && !new RegExp(`^\\s*${marker[0]}{${marker.length},}\\s*$`).test(lines[j] ?? '')) {
      body.push((lines[j] ?? '').startsWith(indent) ? (lines[j] ?? '').slice(indent.length) : (lines[j] ?? ''))
      j++
    }
    if (/^(ts|typescript)$/i.test(lang)) {
      blocks.push({ heading, line: i + 2, code: body.join('\n') + '\n', skip: /\bskip-check\b/.test(info) })
    }
    i = j
  }
  return blocks
}

const DIR = join(ROOT, 'test', '.readme')

const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40)

const CANARY = `import { classic } from 'kayako-fp/classic'\nconst notANumber: number = classic\n`

interface Checked {
  readonly file: string
  readonly block: Block
}

const readme = suite('README')

readme('the block extractor finds headings, skip marks and README line numbers', () => {
  const md = [
    '# A',
    '```ts',
    'const a = 1',
    '```',
    '## B',
    '```sh',
    '# not a heading',
    '```',
    '**Lead**: text',
    '```ts skip-check',
    'x',
    '```',
    '```typescript',
    'y',
    '```'
  ].join('\n')
  assert.equal(tsBlocks(md), [
    { heading: 'A', line: 3, code: 'const a = 1\n', skip: false },
    { heading: 'B › Lead', line: 11, code: 'x\n', skip: true },
    { heading: 'B › Lead', line: 14, code: 'y\n', skip: false }
  ])
})

readme('every ```ts block of README.md type-checks against the source (one tsc run)', () => {
  const blocks = tsBlocks(readFileSync(join(ROOT, 'README.md'), 'utf8'))
  assert.ok(
    blocks.some((b) => !b.skip),
    'README.md has no ```ts block to check'
  )

  rmSync(DIR, { recursive: true, force: true })
  mkdirSync(DIR, { recursive: true })
  const checked: Array<Checked> = blocks.flatMap((block, n) => {
    if (block.skip) return []
    const file = `${String(n + 1).padStart(2, '0')}-${slug(block.heading)}.ts`
    writeFileSync(join(DIR, file), block.code)
    return [{ file, block }]
  })
  writeFileSync(join(DIR, '00-canary.ts'), CANARY)

  const paths: Record<string, Array<string>> = {}
  for (const [subpath, source] of Object.entries(publicEntries())) {
    paths[subpath === '.' ? 'kayako-fp' : `kayako-fp/${subpath.slice(2)}`] = [`../../src/${source}.ts`]
  }
  const tsconfig = {
    extends: '../../tsconfig.json',
    compilerOptions: { noEmit: true, moduleDetection: 'force', paths },
    include: ['./*.ts'],
    exclude: []
  }
  writeFileSync(join(DIR, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2) + '\n')

  const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', '.bin', 'tsc'), '--noEmit', '--pretty', 'false', '-p', join(DIR, 'tsconfig.json')], {
    cwd: ROOT,
    encoding: 'utf8'
  })
  const output = `${tsc.stdout}${tsc.stderr}`
  assert.ok(tsc.error === undefined, `tsc did not run: ${tsc.error}`)

  // `test/.readme/07-x.ts(3,5): error TS2322: …` (continuation lines belong to the error above them).
  const errors: Array<{ file: string; line: number; text: string }> = []
  for (const line of output.split('\n')) {
    const m = /^(?:.*[\\/])?([^\\/()]+\.ts)\((\d+),\d+\): (error .*)$/.exec(line)
    if (m) errors.push({ file: m[1] ?? '', line: Number(m[2]), text: m[3] ?? '' })
    else if (line.trim() !== '' && errors.length > 0) errors[errors.length - 1]!.text += `\n    ${line.trim()}`
  }

  assert.ok(
    errors.some((e) => e.file === '00-canary.ts' && /TS2322/.test(e.text)),
    `the canary's type error was not reported: the check checks nothing.\n${output}`
  )
  const located = errors
    .filter((e) => e.file !== '00-canary.ts')
    .map((e) => {
      const hit = checked.find((c) => c.file === e.file)
      return hit ? `README.md:${hit.block.line + e.line - 1} (block under "${hit.block.heading}"): ${e.text}` : `${e.file}:${e.line}: ${e.text}`
    })
  const unplaced = errors.length === 0 && tsc.status !== 0 ? [`tsc exited with ${tsc.status}:\n${output}`] : []
  const problems = [...located, ...unplaced]
  assert.ok(problems.length === 0, `README blocks that do not compile (files in ${relative(ROOT, DIR)}/):\n${problems.join('\n')}`)
})

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export const anchorOf = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_\- ]/gu, '')
    .replace(/ /g, '-')

readme('every in-page link (`](#…)`) of README.md names a heading, and the table of contents lists every section', () => {
  const markdown = readFileSync(join(ROOT, 'README.md'), 'utf8')
  const prose = markdown.replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1\s*$/gm, '')
  const headings = [...prose.matchAll(/^(#{2,3}) (.+)$/gm)].map((m) => ({ level: m[1]?.length ?? 0, text: m[2] ?? '' }))
  const anchors = new Set(headings.map((h) => anchorOf(h.text)))
  const links = [...prose.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1] ?? '')
  assert.equal(
    links.filter((l) => !anchors.has(l)),
    []
  )
  const contents = /^## Contents\n\n((?:\s*- .*\n)+)/m.exec(prose)?.[1] ?? ''
  assert.ok(contents !== '', 'README.md has no "## Contents" list')
  const listed = new Set([...contents.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1] ?? ''))
  assert.equal(
    headings.filter((h) => h.text !== 'Contents' && !listed.has(anchorOf(h.text))).map((h) => h.text),
    []
  )
})

/** The reference page TypeDoc writes for a public module: its source path below src/, `/` → `_`, `/index` dropped. */
export const referencePage = (source: string): string => `docs/reference/modules/${source.replace(/\/index$/, '').replace(/\//g, '_')}.html`

const REFERENCE_LINK = /\[`([^`]+)`\]\((docs\/reference\/[^)]*)\)(?: \(\[`([^`]+)`\]\(([^)]+)\)\))?/g

readme('every link into the reference names a public module, its page and the source module it renders; each API section ends with one', () => {
  const markdown = readFileSync(join(ROOT, 'README.md'), 'utf8')
  const prose = markdown.replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1\s*$/gm, '')
  const modules = new Map(
    Object.entries(publicEntries()).map(([subpath, source]) => [
      subpath === '.' ? 'kayako-fp' : `kayako-fp/${subpath.slice(2)}`,
      { page: referencePage(source), source: `src/${source}.ts` }
    ])
  )
  const links = [...prose.matchAll(REFERENCE_LINK)]
  assert.ok(links.length > 0, 'README.md links to no reference page')
  assert.is(
    links.length,
    [...prose.matchAll(/\]\(docs\/reference/g)].length,
    'a link into docs/reference/ not of the form [`kayako-fp/…`](page) ([`src/….ts`](src/….ts))'
  )
  const wrong = links.filter(([, name = '', page, sourceText, sourceLink]) => {
    const module = modules.get(name)
    return (
      module === undefined || page !== module.page || sourceText !== module.source || sourceLink !== module.source || !existsSync(join(ROOT, module.source))
    )
  })
  assert.equal(
    wrong.map((m) => m[0]),
    []
  )
  // `npm run docs` (run by CI before the tests) writes the pages: where they are built, every linked one exists.
  if (existsSync(join(ROOT, 'docs', 'reference', 'modules'))) {
    assert.equal(
      links.map((m) => m[2] ?? '').filter((page) => !existsSync(join(ROOT, page))),
      []
    )
  }
  const NO_API = ['Install', 'Contents', 'Quick start', 'Recipes', 'Bundle size', 'Development notes']
  const sections = prose.split(/^## /m).slice(1)
  const unlinked = sections
    .filter((section) => !NO_API.includes(section.slice(0, section.indexOf('\n'))))
    .filter(
      (section) =>
        !/^More in the reference: .*$/.test(
          (
            section
              .trim()
              .split(/\n\s*\n/)
              .at(-1) ?? ''
          ).trim()
        )
    )
    .map((section) => section.slice(0, section.indexOf('\n')))
  assert.equal(unlinked, [], 'sections that do not end with "More in the reference: …"')
})

readme('every bundle size is quoted in the Bundle size section, after the exact esbuild flags it was measured with', () => {
  const markdown = readFileSync(join(ROOT, 'README.md'), 'utf8')
  const start = markdown.indexOf('\n## Bundle size\n')
  assert.ok(start >= 0, 'README.md has no "## Bundle size" section')
  const end = markdown.indexOf('\n## ', start + 1)
  const section = markdown.slice(start, end < 0 ? undefined : end)
  const outside = markdown.slice(0, start) + (end < 0 ? '' : markdown.slice(end))
  // a bundle size is a figure in KB next to "min", "gzip" or "bundle" (a 2 KB error excerpt is not one)
  assert.equal(
    outside.split('\n').filter((line) => /\d KB/.test(line) && /min\b|gzip|bundle/i.test(line)),
    [],
    'bundle sizes outside the Bundle size section'
  )
  const flags = section.indexOf('esbuild entry.js --bundle --format=esm --minify --target=es2020 --platform=neutral')
  const firstSize = section.search(/\d KB/)
  assert.ok(flags >= 0 && flags < firstSize, 'the section quotes a size before the esbuild command line it was measured with')
  // a table of other settings names the flags of every row
  const settingsTable = section.slice(section.indexOf('| flags (Classic end to end) |'))
  const rows = settingsTable.split('\n').filter((line) => /^\| `--platform=/.test(line))
  assert.ok(rows.length >= 4, settingsTable.slice(0, 200))
})

readme.run()
