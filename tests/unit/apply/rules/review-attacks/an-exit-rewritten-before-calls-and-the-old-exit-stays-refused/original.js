function f(x) {
  const y = g(x);
  audit(y);
  notify(y);
  return y;
}

module.exports = f;
