// v1 timestamps are read as calendar dates for real: a month 01–12 and a day within that month, whatever the year.
// `Date`'s fallback parser is no judge: it reads `0001-13-13` as 13 January 2013, so a check that reads the date back
// through it let month 13 through as an invalid `Date`.
import * as E from 'fp-ts/lib/Either.js'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { toDate } from '../../src/v1/internal/codec'

const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
const daysIn = (year: number, month: number): number => (month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31)
const pad = (n: number, width: number): string => String(n).padStart(width, '0')

test('every year-month-day is accepted exactly when it is a calendar date, and read as that date', () => {
  const wrong: Array<string> = []
  for (const year of [0, 1, 12, 49, 50, 99, 100, 1900, 1970, 2000, 2015, 2016, 2100, 9999]) {
    for (let month = 0; month <= 19; month++) {
      for (let day = 0; day <= 39; day++) {
        const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T12:30:00Z`
        const valid = month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month)
        const read = toDate(text)
        const ok = valid
          ? E.isRight(read) && read.right !== null && read.right.toISOString().endsWith(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T12:30:00.000Z`)
          : E.isLeft(read)
        if (!ok) wrong.push(`${text}: ${JSON.stringify(read)}`)
      }
    }
  }
  assert.equal(wrong.slice(0, 10), [], `${wrong.length} wrong`)
})

test('month 13 of year 1 is refused (the case that passed as an invalid Date)', () => {
  assert.ok(E.isLeft(toDate('0001-13-13T00:00:00Z')))
  assert.ok(E.isLeft(toDate('0012-13-01T00:00:00+02:00')))
})

test.run()
