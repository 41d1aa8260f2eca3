declare namespace merge {
	export interface Options {
		clone?: boolean;
	}

	export function all(objects: object[]): object;
}
