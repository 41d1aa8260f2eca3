class Queue {
  // ... existing code ...

  clear() {
    const n = this.items.length;
    this.items.length = 0;
    return n;
  }
}
// ... existing code ...
