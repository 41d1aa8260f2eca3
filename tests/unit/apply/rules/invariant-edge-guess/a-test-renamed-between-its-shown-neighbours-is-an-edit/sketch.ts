// ... existing code ...
  test('empty input', () => {
    expect(parse('')).toEqual([]);
  });

  test('parses a single number', () => {
    expect(parse('1')).toEqual([1]);
  });

  test('many values', () => {
    expect(parse('1,2')).toEqual([1, 2]);
  });
});
