it("is empty", () => {
  expect(total([])).toBe(0);
  expect(total(undefined)).toBe(0);
});
