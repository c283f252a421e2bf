export declare const ROOT: string
export declare const publicEntries: () => Record<string, string>
export declare const exportsMap: () => Record<string, unknown>
export declare const typesVersions: () => Record<string, Record<string, ReadonlyArray<string>>>
export declare const NODE_ONLY: ReadonlyArray<string>
