// ... existing code ...
    return m === true
        ? shift(weekdays, this._week.dow)
        : m
          ? weekdays[m.day()]
          : weekdays;
}
// ... existing code ...
