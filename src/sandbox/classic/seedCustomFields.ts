/** The seeded ticket custom fields: one group with a field of each of the 11 types, and ticket 1's values. */
import { utf8 } from '../../core/bytes'
import type { CustomFieldRow, FieldType, Store } from './store'

const FIELD_NAMES = [
  'kx3xsq8w2v1n',
  'p0l7m4r9zq2a',
  'h5t8c2w6y1ub',
  'e9d3n7f1k4jm',
  'r2v6b0q8s3xt',
  'w7g1z5c9h2lp',
  'n4j8u2e6a0yk',
  'c1q5r9v3m7bd',
  'y6s0k4t8f2wg',
  'f3a7e1i5o9uc',
  'u8z2x6p0b4nh'
]

export const seedCustomFields = (store: Store, ticketId: number, departmentids: Array<number>): void => {
  const group = store.customFieldGroups.insert({ title: 'Ticket details', grouptype: 9, displayorder: 1, departmentids })
  let order = 0
  const field = (title: string, fieldtype: FieldType, options: Partial<CustomFieldRow> = {}): CustomFieldRow =>
    store.customFields.insert({
      customfieldgroupid: group.id,
      title,
      fieldtype,
      fieldname: FIELD_NAMES[order] as string,
      defaultvalue: '',
      isrequired: false,
      usereditable: true,
      staffeditable: true,
      regexpvalidate: '',
      displayorder: ++order,
      encryptindb: fieldtype === 3,
      description: '',
      ...options
    })
  const optionsOf = (f: CustomFieldRow, values: ReadonlyArray<string>, parentId = 0) =>
    values.map((optionvalue, i) =>
      store.customFieldOptions.insert({ customfieldid: f.id, optionvalue, displayorder: i + 1, isselected: false, parentcustomfieldoptionid: parentId })
    )

  const orderNumber = field('Order number', 1, { description: 'The order this ticket is about', regexpvalidate: '/^[A-Z]{2}-\\d+$/' })
  const steps = field('Steps to reproduce', 2)
  const pin = field('Account PIN', 3)
  const platforms = field('Affected platforms', 4)
  const [windows, , linux] = optionsOf(platforms, ['Windows', 'macOS', 'Linux'])
  const contact = field('Contact preference', 5)
  const [byEmail] = optionsOf(contact, ['E-mail', 'Phone'])
  const product = field('Product', 6)
  const [helpdesk] = optionsOf(product, ['Helpdesk', 'CRM', 'Billing Suite'])
  const modules = field('Modules', 7)
  const [reports, , , importExport] = optionsOf(modules, ['Reports', 'API', 'Mobile', 'Import, export'])
  const reference = field('Internal reference', 8)
  const category = field('Category', 9)
  const [hardware] = optionsOf(category, ['Hardware', 'Software'])
  const [, printerOption] = optionsOf(category, ['Laptop', 'Printer'], hardware?.id ?? 0)
  const purchase = field('Purchase date', 10)
  const screenshot = field('Screenshot', 11)
  const software = store.customFieldOptions.where((o) => o.customfieldid === category.id && o.optionvalue === 'Software')[0]
  optionsOf(category, ['Operating system', 'Office suite'], software?.id ?? 0)

  const id = (o: { id: number } | undefined): number => o?.id ?? 0
  store.customFieldLinks.set(ticketId, new Set([group.id]))
  store.customFieldValues.set(
    ticketId,
    new Map([
      [orderNumber.id, { kind: 'text', text: 'SO-48213' }],
      [steps.id, { kind: 'text', text: '1. Send any document to the printer\n2. Collect the blank page' }],
      [pin.id, { kind: 'text', text: '4711' }],
      [platforms.id, { kind: 'options', optionIds: [id(windows), id(linux)] }],
      [contact.id, { kind: 'options', optionIds: [id(byEmail)] }],
      [product.id, { kind: 'options', optionIds: [id(helpdesk)] }],
      [modules.id, { kind: 'options', optionIds: [id(reports), id(importExport)] }],
      [reference.id, { kind: 'text', text: 'FAC-3-PRN-07' }],
      [category.id, { kind: 'linked', parentId: id(hardware), childId: id(printerOption) }],
      [purchase.id, { kind: 'text', text: '03/15/2022' }],
      [screenshot.id, { kind: 'file', filename: 'settings.txt', bytes: utf8('toner=auto\ndensity=3\n') }]
    ])
  )
}
