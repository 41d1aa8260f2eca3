function loadConfig(file) {
  if (!file) {
    return {};
  } else {
    const fs = require("fs");
    const yaml = require("js-yaml");
    const path = require("path");

    const full = path.resolve(file);
    const text = fs.readFileSync(full, "utf8");
    return file.endsWith(".json") ? JSON.parse(text) : yaml.load(text);
  }
}

module.exports = { loadConfig };
