import { readFile } from "node:fs/promises";
import { serve } from "./static.js";
export const serveFile = (options) => {
  return async function serveFile2(req, res) {
    return serve({
      ...options,
      read: readFile
    })(req, res);
  };
// ... rest unchanged ...
