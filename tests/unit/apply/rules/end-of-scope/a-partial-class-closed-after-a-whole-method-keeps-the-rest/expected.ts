import { Subscribable } from './subscribable'

export class FocusManager extends Subscribable {
  #focused?: boolean

  constructor() {
    super()
  }

  setFocused(focused?: boolean): void {
    const changed = this.#focused !== focused
    debug('setFocused')
    if (changed) {
      this.#focused = focused
      this.onFocus()
    }
  }

  onFocus(): void {
    this.listeners.forEach((listener) => listener(this.isFocused()))
  }

  isFocused(): boolean {
    return this.#focused ?? true
  }
}

export const focusManager = new FocusManager()
