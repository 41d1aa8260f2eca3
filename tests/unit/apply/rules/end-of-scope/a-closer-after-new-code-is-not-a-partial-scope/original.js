'use strict';

function throttle(fn, freq) {
  let timestamp = 0;
  const threshold = 1000 / freq;
  return function throttled(args) {
    const now = Date.now();
    if (now - timestamp > threshold) {
      timestamp = now;
      return fn.apply(null, args);
    }
  };
}

module.exports = throttle;
