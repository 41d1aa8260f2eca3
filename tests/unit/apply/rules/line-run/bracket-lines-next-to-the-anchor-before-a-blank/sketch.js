  // ... existing code ...
  }

  toAbortSignal() {
    const controller = new AbortController();
    return controller.signal;
  }

  /**
   * Returns a new token and the function that cancels it.
  // ... existing code ...
