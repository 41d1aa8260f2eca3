// ... existing code ...
const reader = makeReader(load);
var defaults = module.exports = {
  reader
};
