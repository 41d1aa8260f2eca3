'use strict';

function load(path) {
  return read(path);
}

const reader = makeReader(load);
var defaults = module.exports = {
  reader
};
module.exports = defaults;
