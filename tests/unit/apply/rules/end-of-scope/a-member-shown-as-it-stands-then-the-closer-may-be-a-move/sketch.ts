export class Shape {
  // ... existing code ...

  area(): number {
    return this.w * this.h;
  }
}
// ... existing code ...
