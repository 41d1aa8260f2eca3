'use strict';

function load(path) {
  return read(path);
}

const reader = makeReader(load);
var defaults = {
  reader
};
module.exports = defaults;
