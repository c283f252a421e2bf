export declare const KB: number
export declare const specifier: (name: string, subpath: string) => string

export interface BudgetCase {
  readonly label: string
  readonly contents: string
  /** min+gzip bytes */
  readonly limit: number
  readonly breakdown?: boolean
  /** Also bundle this case under BUNDLER_SETTINGS and require our ES modules in each. */
  readonly settingsCheck?: boolean
  /** Also bundle this case under RUNTIME_SETTINGS: no Node built-in for an edge runtime, the node defaults for Node. */
  readonly runtimeCheck?: boolean
}

export interface SizeRow {
  readonly module: string
  readonly export: string
  readonly raw: number
  readonly min: number
  readonly gzip: number
}

export interface BudgetRow {
  readonly label: string
  readonly limit: number
  readonly raw: number
  readonly min: number
  readonly gzip: number
  readonly owners: ReadonlyMap<string, number>
  /** Minified bytes of each of our modules in the bundle. */
  readonly ourModules: ReadonlyMap<string, number>
  readonly breakdown: boolean
}

export interface SizeResult {
  readonly rows: ReadonlyArray<SizeRow>
  readonly sideEffects: ReadonlyArray<{ readonly module: string; readonly min: number }>
  readonly budgets: ReadonlyArray<BudgetRow>
  readonly settings: ReadonlyArray<{ readonly label: string; readonly build: string; readonly min: number; readonly gzip: number }>
  readonly runtimes: ReadonlyArray<{ readonly label: string; readonly build: string; readonly builtins: ReadonlyArray<string>; readonly gzip: number }>
  /** Index exports that are plumbing (not a resource namespace) and the resource modules they use. */
  readonly plumbingUses: ReadonlyArray<string>
  readonly violations: ReadonlyArray<string>
}

export declare const checkBundles: (options: {
  readonly root?: string
  readonly name?: string
  readonly entries?: Record<string, string>
  readonly nodeOnly?: ReadonlyArray<string>
  readonly budgets?: ReadonlyArray<BudgetCase> | ((exportsBySubpath: ReadonlyMap<string, ReadonlyArray<string>>) => ReadonlyArray<BudgetCase>)
  readonly nodePaths?: ReadonlyArray<string>
}) => Promise<SizeResult>

export declare const projectBudgets: (name: string) => (exportsBySubpath: ReadonlyMap<string, ReadonlyArray<string>>) => ReadonlyArray<BudgetCase>
export declare const report: (result: SizeResult, options?: { readonly quiet?: boolean }) => string
export declare const markdown: (result: SizeResult) => string
