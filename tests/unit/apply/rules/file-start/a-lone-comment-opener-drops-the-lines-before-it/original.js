'use strict';

/**
 * Throttle decorator
 */
function throttle(fn, freq) {
  let timestamp = 0;
  return fn;
}

module.exports = throttle;
