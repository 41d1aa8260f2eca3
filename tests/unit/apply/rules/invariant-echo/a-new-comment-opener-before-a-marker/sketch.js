// ... existing code ...
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
// ... existing code ...
