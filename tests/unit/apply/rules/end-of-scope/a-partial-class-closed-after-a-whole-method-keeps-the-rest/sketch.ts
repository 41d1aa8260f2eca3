// ... existing code ...
export class FocusManager extends Subscribable {
  // ... existing code ...
  setFocused(focused?: boolean): void {
    const changed = this.#focused !== focused
    debug('setFocused')
    if (changed) {
      this.#focused = focused
      this.onFocus()
    }
  }
}
// ... existing code ...
