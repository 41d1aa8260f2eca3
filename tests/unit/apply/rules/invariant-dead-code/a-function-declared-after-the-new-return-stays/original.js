export function total(items, tax) {
  const net = items.map(price);
  return sum(net);

  function price(item) {
    return item.cost * item.count;
  }
}
