import { readFile } from "node:fs/promises";
import { lookup } from "./mime.js";

export const serveFile = (options) => {
  return async (req, res) => {
    if (res.headersSent) {
      return;
    }
    const path = options.root + req.url;
    const body = await readFile(path);
    res.setHeader("Content-Type", lookup(path));
    res.end(body);
  };
};
