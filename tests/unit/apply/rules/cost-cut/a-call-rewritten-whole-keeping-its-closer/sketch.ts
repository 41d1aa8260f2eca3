// ... existing code ...
export function finalize(rootScope: ImmerScope, value: any, path?: PatchPath) {
	if (isFrozen(value)) return value
	const state: ImmerState = value[DRAFT_STATE]
	if (!state) {
		each(value, (key, childValue) =>
			finalizeProperty(rootScope, state, value, key, childValue, path)
		)
		return value
	}
	return state.copy_
}
// ... existing code ...
