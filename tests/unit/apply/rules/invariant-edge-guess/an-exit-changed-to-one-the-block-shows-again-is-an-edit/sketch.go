// ... existing code ...
		return nil
	}
	s.index[key] = len(v)
	return nil
}
// ... existing code ...
