// ... existing code ...
})

test('parses a single pair', () => {
  const result = parse('a=1')
  const first = result[0]
  assert.equal(first.key, 'a')
  assert.equal(first.value, '1')
})
// ... existing code ...
