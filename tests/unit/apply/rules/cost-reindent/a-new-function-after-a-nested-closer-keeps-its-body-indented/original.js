'use strict';

const pipe = (...steps) => (...args) => {
  return steps.slice(1).reduce((acc, step) => step(acc), steps[0](...args));
};
const merge = (...parts) => {
  return parts.reverse().reduce((acc, part) => ({ ...acc, ...part }));
};
const tap = (fn) => {
  return (value) => { fn(value); return value; };
};
