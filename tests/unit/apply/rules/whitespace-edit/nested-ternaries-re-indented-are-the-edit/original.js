import { shift } from './shift';

export function localeWeekdays(m, format) {
    var weekdays = this._weekdays;
    return m === true
        ? shift(weekdays, this._week.dow)
        : m
        ? weekdays[m.day()]
        : weekdays;
}

export function other() {
    return 1;
}
