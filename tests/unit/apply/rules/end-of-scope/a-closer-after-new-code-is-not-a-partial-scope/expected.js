'use strict';

function throttle(fn, freq) {
  let timestamp = 0;
  let threshold = 1000 / freq;

  const throttled = (...args) => {
    timestamp = Date.now();
    fn.apply(null, args);
  }

  return [throttled];
}

module.exports = throttle;
