export class Shape {
  area(): number {
    return this.w * this.h;
  }

  perimeter(): number {
    return 2 * (this.w + this.h);
  }

  describe(): string {
    return `shape ${this.w}x${this.h}`;
  }
}

export const unit = new Shape();
