const path = require('path');
const fs = require('fs');
const os = require('os');

module.exports = () => path.join(os.homedir(), fs.realpathSync('.'));
