function get(cache, key) {
  const v = cache[key];
  log(key);
  return v;
}

module.exports = get;
