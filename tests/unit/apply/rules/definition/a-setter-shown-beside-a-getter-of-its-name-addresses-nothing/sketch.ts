export class Slider {
  set value(v: number) {
    this._value = Math.max(0, v);
  }
}
