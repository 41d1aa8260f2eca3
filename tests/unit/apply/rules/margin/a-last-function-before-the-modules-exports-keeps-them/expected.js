'use strict';

function add(a, b) {
  return a + b;
}

function sub(a, b) {
  if (typeof a !== 'number') throw new TypeError('a');
  return a - b;
}

module.exports = { add, sub };
