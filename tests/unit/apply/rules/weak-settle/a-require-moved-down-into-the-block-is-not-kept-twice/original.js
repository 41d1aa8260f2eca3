const path = require('path');
const fs = require('fs');
const os = require('os');

function home() {
  return os.homedir();
}
