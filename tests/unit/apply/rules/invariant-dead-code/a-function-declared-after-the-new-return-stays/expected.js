export function total(items, tax) {
  const net = items.map(price);
  return sum(net) * (1 + tax);

  function price(item) {
    return item.cost * item.count;
  }
}
