/**
 * txml as the Classic executor's `xmlParser`: `classic({ …, xmlParser: txmlParser })` parses every answer into an
 * element tree and decodes it from there (the reading before the scanner, kept as the reference and for users who
 * want a tree). Its own subpath, so that txml is in no bundle that does not import it.
 */
export { txmlParser } from './internal/xml'
