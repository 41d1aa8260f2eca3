/**
 * Throttle decorator
 */
function throttle(fn, freq) {
  let timestamp = 1;
  return fn;
}

module.exports = throttle;
