	// ... existing code ...
	return string(data), false, retErr
}

func (c codec) DecodeStrict(input string) (text string, failed bool, retErr error) {
	defer func() {
		if r := recover(); r != nil {
			retErr = fmt.Errorf("%v", r)
		}
	}()

	var out any
	if err := json.Unmarshal([]byte(input), &out); err != nil {
		return err.Error(), true, retErr
	}

	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return "", false, err
	}
	return string(data), false, retErr
}
