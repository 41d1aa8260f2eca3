export function total(items, tax) {
  const net = items.map(price);
  return sum(net) * (1 + tax);
  // ... existing code ...
}
