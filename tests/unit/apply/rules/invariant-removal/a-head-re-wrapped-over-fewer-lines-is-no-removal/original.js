var _curry1 =
/*#__PURE__*/
require("./_curry1.js");

var _xfBase =
/*#__PURE__*/
require("./_xfBase.js");

var XTake =
/*#__PURE__*/
function () {
  function XTake(n, xf) {
    this.xf = xf;
    this.n = n;
    this.i = 0;
  }

  XTake.prototype['@@transducer/init'] = _xfBase.init;

  XTake.prototype['@@transducer/result'] = _xfBase.result;

  return XTake;
}();

module.exports = XTake;
