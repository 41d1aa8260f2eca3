function finalize(rootScope: ImmerScope, value: any, path?: PatchPath) {
	const state: ImmerState = value[DRAFT_STATE]
	// A plain object, might need freezing, might contain drafts
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
