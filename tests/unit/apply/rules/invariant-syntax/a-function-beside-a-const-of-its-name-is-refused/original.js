const max = (array, getter) => {
  return array.reduce((a, b) => (getter(a) > getter(b) ? a : b));
};
const total = (array, getter) => {
  return (array || []).reduce(
    (acc, item) => acc + (getter ? getter(item) : item),
    0
  );
};
const head = (array, fallback = undefined) => {
  return array?.length > 0 ? array[0] : fallback;
};
