function loadConfig(file) {
  if (!file) {
    return {};
  } else {
    const fs = require("fs");
    const path = require("path");

    const full = path.resolve(file);
    const yaml = require("js-yaml");
    const text = fs.readFileSync(full, "utf8");
    return file.endsWith(".json") ? JSON.parse(text) : yaml.load(text);
  }
}

module.exports = { loadConfig };
