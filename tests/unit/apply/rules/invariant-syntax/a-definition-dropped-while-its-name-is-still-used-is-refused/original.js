const http = require("http");
let server = null;
const url = require("url");

function stop() {
  if (server) server.close();
  server = null;
}

function start(port) {
  server = http.createServer(handler).listen(port);
}
