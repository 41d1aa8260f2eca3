declare namespace merge {
	export interface Options {
		clone?: boolean;
		deep?: boolean;
	}
	export interface ArrayOptions {
		clone(value: object): object;
	}

	export function all(objects: object[]): object;
}
