const fs = require('fs');
const os = require('os');
const path = require('path');

function home() {
  return os.homedir();
}
