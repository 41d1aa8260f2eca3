// ... existing code ...
function f7(v) {
  const r7 = v * 7;
  return r7 + 7;
}

function alpha() {
  return x + 1;
}

function beta() {
// ... existing code ...
