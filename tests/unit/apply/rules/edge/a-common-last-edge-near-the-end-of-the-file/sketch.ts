// ... existing code ...
class Func extends Node {
  static readonly kind = "func"
  constructor(
    public name: string,
    public args: string
  ) {
    super()
  }
  // ... existing code ...
