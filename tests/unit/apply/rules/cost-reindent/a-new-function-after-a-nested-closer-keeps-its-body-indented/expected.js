'use strict';

function pipe(...steps) {
  return (...args) => {
    return steps.slice(1).reduce((acc, step) => step(acc), steps[0](...args));
  };
}
function merge(...parts) {
  return parts.reverse().reduce((acc, part) => ({ ...acc, ...part }));
}
const tap = (fn) => {
  return (value) => { fn(value); return value; };
};
