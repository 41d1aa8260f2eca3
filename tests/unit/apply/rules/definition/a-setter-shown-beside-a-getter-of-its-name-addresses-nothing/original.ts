export class Slider {
  private _value = 0;

  get value(): number {
    return this._value;
  }

  reset(): void {
    this._value = 0;
  }

  toString(): string {
    return `Slider(${this._value})`;
  }
}
