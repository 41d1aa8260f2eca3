Route.prototype._handles_method = function _handles_method(method) {
  if (this.methods._all) {
    return true;
  }

  var name = method.toLowerCase();

  if (name === 'head' && !this.methods['head']) {
    name = 'get';
  }

  return Boolean(this.methods[name]);
};

Route.prototype._options = function _options() {
  var methods = Object.keys(this.methods);

  if (this.methods.get && !this.methods.head) {
    methods.push('head');
  }

  return methods;
};
