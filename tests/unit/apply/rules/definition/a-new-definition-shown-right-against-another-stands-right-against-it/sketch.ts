// ... existing code ...
	export interface Options {
		clone?: boolean;
		deep?: boolean;
	}
	export interface ArrayOptions {
		clone(value: object): object;
	}
// ... existing code ...
