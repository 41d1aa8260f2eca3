    // ... existing code ...
     * Calls `unlock` on the handle.
     *
     * Throws when the handle is closed,
     * or when it was never opened.
     *
     * ```js
    // ... existing code ...
