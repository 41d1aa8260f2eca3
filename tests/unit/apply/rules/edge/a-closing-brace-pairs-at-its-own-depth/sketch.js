// ... existing code ...
    return Array.prototype.slice.call(base);
  const isPlain = isPlainObject(base);
  if (strict === true || !isPlain) {
    const descriptors = Object.getOwnPropertyDescriptors(base);
    delete descriptors[DRAFT_STATE];
    let keys = Reflect.ownKeys(descriptors);
    for (let i = 0; i < keys.length; i++) {
      const desc = descriptors[keys[i]];
      if (desc.writable === false) {
        desc.writable = true;
      }
    }
    return Object.create(getPrototypeOf(base), descriptors);
  } else {
    const proto = getPrototypeOf(base);
    if (proto !== null && isPlain) {
      return { ...base };
    }
    return Object.assign(Object.create(proto), base);
  }
}
function freeze(obj, deep = false) {
// ... existing code ...
