const http = require('http');

/**
 * Creates a server.
 * @param {Object} opts
 * @param {number} opts.port
 * @returns {http.Server}
 */
function createServer(opts) {
  return http.createServer().listen(opts.port, opts.host);
}

module.exports = createServer;
