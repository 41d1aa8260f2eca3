export function finalize(rootScope: ImmerScope, value: any, path?: PatchPath) {
	if (isFrozen(value)) return value
	const state: ImmerState = value[DRAFT_STATE]
	if (!state) {
		each(
			value,
			(key, childValue) =>
				finalizeProperty(rootScope, state, value, key, childValue, path),
			true // See #590, do not recurse into non-enumerable properties
		)
		return value
	}
	return state.copy_
}

export function isFrozen(value: any): boolean {
	return Object.isFrozen(value)
}
