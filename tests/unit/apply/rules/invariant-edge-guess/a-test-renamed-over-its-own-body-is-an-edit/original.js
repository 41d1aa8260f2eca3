const test = require('node:test')
const assert = require('node:assert')
const { parse } = require('../parse')

test('parses an empty string', () => {
  const result = parse('')
  assert.deepEqual(result, [])
})

test('parses one pair', () => {
  const result = parse('a=1')
  const first = result[0]
  assert.equal(first.key, 'a')
  assert.equal(first.value, '1')
})

test('ignores comments', () => {
  const result = parse('# a=1')
  assert.deepEqual(result, [])
})
