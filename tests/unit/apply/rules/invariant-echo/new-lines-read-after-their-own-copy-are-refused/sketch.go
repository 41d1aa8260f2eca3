// ... existing code ...
		return nil, err
	}
	if err != nil {
		return nil, err
	}
	return row, nil
}
