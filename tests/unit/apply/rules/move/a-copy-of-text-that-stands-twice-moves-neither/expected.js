function parse(text) {
  if (!text) {
    const error = createError(
      RangeError,
      'empty input'
    );
    throw error;
  }
  return text.split(',');
}

function load(path) {
  const text = read(path);
  if (!text) {
    const error = createError(
      RangeError,
      'empty input'
    );
    throw error;
  }
  return parse(text);
}

function loadAll(paths) {
  const texts = paths.map(read);
  if (texts.some(text => !text)) {
    const error = createError(
      RangeError,
      'empty input'
    );
    throw error;
  }
  return texts.map(parse);
}
