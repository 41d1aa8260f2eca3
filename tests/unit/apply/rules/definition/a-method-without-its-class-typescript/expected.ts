export class Cart {
  private items: number[] = [];

  add(price: number): void {
    this.items.push(price);
  }

  total(): number {
    return this.items.reduce((a, b) => a + b, 0) * 100;
  }
}

export function empty(): Cart {
  return new Cart();
}
