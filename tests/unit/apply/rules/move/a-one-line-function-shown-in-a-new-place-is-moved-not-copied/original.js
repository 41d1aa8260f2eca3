"use strict";

function _toArray(list, len) { if (len == null) len = list.length; var out = new Array(len); for (var i = 0; i < len; i++) out[i] = list[i]; return out; }
function _iterable(o) { if (typeof o === "string") return _toArray(o); if (o instanceof Map) return Array.from(o); return o; }
function _helperA(x) { return _iterable(x).length > 0 ? _toArray(x, 1) : []; }

function Agent() {
  this._defaults = [];
}

module.exports = Agent;
