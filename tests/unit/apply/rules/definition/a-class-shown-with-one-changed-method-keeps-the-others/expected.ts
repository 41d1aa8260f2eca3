export class Store {
  private items = new Map<string, number>();

  get(key: string): number | undefined {
    return this.items.get(key);
  }

  set(key: string, value: number): void {
    if (value < 0) {
      throw new RangeError(`negative value for ${key}`);
    }
    this.items.set(key, value);
  }

  clear(): void {
    this.items.clear();
  }
}

export const store = new Store();
