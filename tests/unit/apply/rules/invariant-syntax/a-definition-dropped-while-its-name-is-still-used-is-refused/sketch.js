// ... existing code ...
const http = require("http");
const url = require("url");
// ... existing code ...
function start(port) {
  if (server) stop();
  server = http.createServer(handler).listen(port);
}
