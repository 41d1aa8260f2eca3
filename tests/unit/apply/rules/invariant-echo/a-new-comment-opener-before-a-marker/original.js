/**
 * Set the location header to `url`.
 */

res.location = function location(url) {
  var loc = url;

  // "back" is an alias for the referrer
  if (url === 'back') {
    loc = this.req.get('Referrer') || '/';
  }

  // set location
  return this.set('Location', encodeUrl(loc));
};

/**
 * Redirect to the given `url`.
 */

res.redirect = function redirect(url) {
  this.location(url);
  this.statusCode = 302;
};
