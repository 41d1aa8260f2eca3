/**
 * Set the location header to `url`.
 */

res.location = function location(url) {
  var loc = url;

  // "back" is an alias for the referrer
  if (url === 'back') {
    loc = this.req.get('Referrer') || '/';
  } else {
    loc = String(url);
  }

  var m = schemaAndHostRegExp.exec(loc);
  var pos = m ? m[0].length + 1 : 0;
  loc = loc.slice(0, pos) + encodeUrl(loc.slice(pos));

  return this.set('Location', loc);
};

/**
 * Redirect to the given `url`.
 */

res.redirect = function redirect(url) {
  this.location(url);
  this.statusCode = 302;
};
