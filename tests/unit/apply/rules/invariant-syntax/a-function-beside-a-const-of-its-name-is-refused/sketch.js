  // ...
};
function total(array, getter) {
  return (array || []).reduce((acc, item) => acc + (getter ? getter(item) : item), 0);
}
const head = (array, fallback = undefined) => {
  // ... existing code ...
