/**
 * A counter.
 * It counts.
 * Up only.
 */
export function Counter(start) {
	this.count = start;
}
Counter.prototype.kind = "counter";
