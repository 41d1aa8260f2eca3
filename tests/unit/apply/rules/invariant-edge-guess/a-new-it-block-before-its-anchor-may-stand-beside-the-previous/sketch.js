// ... existing code ...
it('b', () => {
  t(2);
});

it('c', () => {
// ... existing code ...
