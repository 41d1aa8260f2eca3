'use strict';

Object.defineProperty(exports, '__esModule', { value: true });

const path = require('./shared/path.1234.cjs');

exports.basename = path.basename;
exports.dirname = path.dirname;
exports.join = path.join;
