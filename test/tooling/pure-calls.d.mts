import type { Plugin } from 'rollup'
export declare const pureCalls: (options: { readonly include: RegExp; readonly from: RegExp }) => Plugin
/** The build's use: the Classic resource modules and their plumbing, calls imported from the XML module. */
export declare const CLASSIC_XML_CALLS: { readonly include: RegExp; readonly from: RegExp }
