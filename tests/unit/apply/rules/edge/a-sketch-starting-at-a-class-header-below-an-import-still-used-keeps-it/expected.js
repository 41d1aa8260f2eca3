const fs = require('fs');

class Store {
  load(p) {
    return fs.readFileSync(p, 'utf8');
  }

  save(p, data) {
    fs.writeFileSync(p, data, 'utf8');
  }
}

module.exports = Store;
