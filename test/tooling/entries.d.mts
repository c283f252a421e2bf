export declare const ROOT: string
export declare const publicEntries: () => Record<string, string>
export declare const exportsMap: () => Record<string, unknown>
