export class Store {
  set(key: string, value: number): void {
    if (value < 0) {
      throw new RangeError(`negative value for ${key}`);
    }
    this.items.set(key, value);
  }
}
