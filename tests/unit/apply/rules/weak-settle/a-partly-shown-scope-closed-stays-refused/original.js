res.links = function(links){
  var link = this.get('Link') || '';
  if (link) link += ', ';
  return this.set('Link', link);
};

res.send = function send(body) {
  return this;
};
