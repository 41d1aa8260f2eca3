/**
 * A counter.
 * It counts.
 * Up only.
 */
export function Counter(start, step) {
	this.count = start;
	this.step = step;
}
Counter.prototype.kind = "counter";
