import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as CustomField from '../../src/classic/CustomField'
import { decodeBody, decodeEither, issuePaths } from '../support/decode'
import { fixture } from '../support/fixtures'
import { unwrapLeft } from '../support/transport'

// Written from spec §2.16 in the server's style: one self-closing element per row, the row's columns as attributes.
const OPTIONS = `<?xml version="1.0" encoding="UTF-8"?>
<customfieldoptions>
<option customfieldoptionid="11" customfieldid="2" optionvalue="Widget &amp; Co" displayorder="1" isselected="1" parentcustomfieldoptionid="0" />
<option customfieldoptionid="12" customfieldid="2" optionvalue="Gadget" displayorder="2" isselected="0" parentcustomfieldoptionid="11" />
</customfieldoptions>`

const GROUPS = `<?xml version="1.0" encoding="UTF-8"?>
<customfieldgroups>
<customfieldgroup customfieldgroupid="1" title="Ticket details" grouptype="9" displayorder="1" />
<customfieldgroup customfieldgroupid="4" title="Profile" grouptype="1" displayorder="2" departmentid="3" />
</customfieldgroups>`

test('descriptions: all, options (ListOptions), groups', () => {
  assert.equal([CustomField.groups().method, CustomField.groups().route], ['GET', '/Base/CustomFieldGroup'])
  assert.equal(CustomField.groups(3).route, '/Base/CustomFieldGroup/3')
  assert.equal(
    Object.keys(CustomField).filter((k) => ['get', 'post', 'put', 'delete'].includes(k)),
    []
  )
})

test('decodes the real ListAll fixture (attribute-only elements)', () => {
  const fields = decodeBody(CustomField.all(), fixture('classic/CustomField_ListAll.xml'))
  assert.equal(
    fields.map((f) => ({ ...f, extra: undefined })),
    [
      {
        id: 1,
        customFieldGroupId: 1,
        title: 'Customer ID',
        fieldType: 1,
        fieldName: 'cn4ezfbjzyoj',
        defaultValue: '',
        isRequired: false,
        userEditable: false,
        staffEditable: true,
        regexpValidate: '',
        displayOrder: 1,
        encryptInDb: false,
        description: '',
        groupType: null,
        extra: undefined
      },
      {
        id: 2,
        customFieldGroupId: 1,
        title: 'Product',
        fieldType: 6,
        fieldName: 'llcut44uri9d',
        defaultValue: '',
        isRequired: false,
        userEditable: false,
        staffEditable: true,
        regexpValidate: '',
        displayOrder: 2,
        encryptInDb: false,
        description: '',
        groupType: null,
        extra: undefined
      }
    ]
  )
  assert.equal(
    fields.map((f) => CustomField.customFieldTypeName(f.fieldType)),
    ['text', 'select']
  )
  assert.equal(fields[0]?.extra, {})
})

test('a newer row: grouptype decoded, unknown columns kept; a type outside 1-11 is a decode failure', () => {
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<customfields>
<customfield customfieldid="7" customfieldgroupid="2" title="Due" fieldtype="10" fieldname="abc" defaultvalue="" isrequired="1" usereditable="1" staffeditable="1" regexpvalidate="" displayorder="3" encryptindb="0" description="When" grouptype="9" dateline="1300000000" />
</customfields>`
  const [due] = decodeBody(CustomField.all(), body)
  assert.equal(
    [due?.fieldType, due?.groupType, due?.isRequired, due?.extra],
    [CustomField.CustomFieldType.date, CustomField.CustomFieldGroupType.staffUserTicket, true, { '@dateline': ['1300000000'] }]
  )
  unwrapLeft(decodeEither(CustomField.all(), body.replace('fieldtype="10"', 'fieldtype="12"')))
  unwrapLeft(decodeEither(CustomField.all(), body.replace(' customfieldid="7"', '')))
})

test('decodes options and groups', () => {
  assert.equal(
    decodeBody(CustomField.options(2), OPTIONS).map((o) => [o.id, o.customFieldId, o.optionValue, o.displayOrder, o.isSelected, o.parentCustomFieldOptionId]),
    [
      [11, 2, 'Widget & Co', 1, true, 0],
      [12, 2, 'Gadget', 2, false, 11]
    ]
  )
  assert.equal(decodeBody(CustomField.options(9), '<?xml version="1.0" encoding="UTF-8"?>\n<customfieldoptions>\n</customfieldoptions>'), [])
  assert.equal(
    decodeBody(CustomField.groups(3), GROUPS).map((g) => [g.id, g.title, g.groupType, g.displayOrder, g.extra]),
    [
      [1, 'Ticket details', 9, 1, {}],
      [4, 'Profile', 1, 2, { '@departmentid': ['3'] }]
    ]
  )
})

test('type names and the type guard', () => {
  assert.equal(
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((t) => CustomField.customFieldTypeName(t as CustomField.CustomFieldType)),
    ['text', 'textArea', 'password', 'checkbox', 'radio', 'select', 'multiSelect', 'custom', 'linkedSelect', 'date', 'file']
  )
  assert.equal([0, 1, 11, 12, 2.5, '3'].map(CustomField.isCustomFieldType), [false, true, true, false, false, false])
})

test('validation', () => {
  assert.equal(issuePaths(CustomField.options(0)), ['customFieldId'])
  assert.equal(issuePaths(CustomField.groups(-1)), ['departmentId'])
})

test.run()
