export function shift(date, zone) {
  var offset = zone.offset(date);
  var moved = build(date, {
    zone: zone.name
  }).withOffset(offset);

  if (zone.keepLocal) {
    moved = moved.add(offset);
  }
  return moved;
}
