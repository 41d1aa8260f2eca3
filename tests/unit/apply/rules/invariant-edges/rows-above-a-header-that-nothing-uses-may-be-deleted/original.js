var __assign = function (t) {
    for (var s, i = 1, n = arguments.length; i < n; i++) {
        s = arguments[i];
        for (var p in s) t[p] = s[p];
    }
    return t;
};
export function merge(a, b) {
    return __assign(__assign({}, a), b);
}
export function keys(record) {
    const out = Object.keys(record);
    return out.sort();
}
