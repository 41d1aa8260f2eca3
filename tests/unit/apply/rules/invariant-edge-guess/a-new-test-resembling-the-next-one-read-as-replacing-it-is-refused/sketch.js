// ... existing code ...
  const result = parse('')
  assert.deepEqual(result, [])
})

test('parses a pair with spaces', () => {
  const result = parse(' a = 1 ')
  assert.equal(result[0].key, 'a')
  assert.equal(first.value, '1')
})
// ... existing code ...
