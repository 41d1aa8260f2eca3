// ... existing code ...

function sub(a, b) {
  if (typeof a !== 'number') throw new TypeError('a');
  return a - b;
}
