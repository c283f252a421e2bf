import type { Plugin } from 'rollup'
export declare const pureCalls: (options: { readonly include: RegExp; readonly from: RegExp }) => Plugin
