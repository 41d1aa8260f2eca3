// ... existing code ...
/**
 * Creates a server.
 * @param {Object} opts
 * @param {string} opts.host
 */
// ... existing code ...
