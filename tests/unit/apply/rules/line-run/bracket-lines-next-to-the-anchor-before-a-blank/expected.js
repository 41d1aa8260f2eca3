class Token {
  unsubscribe(listener) {
    const index = this.listeners.indexOf(listener);
    if (index !== -1) {
      this.listeners.splice(index, 1);
    }
  }

  toAbortSignal() {
    const controller = new AbortController();
    return controller.signal;
  }

  /**
   * Returns a new token and the function that cancels it.
   */
  static source() {
    let cancel;
    return { cancel };
  }
}
