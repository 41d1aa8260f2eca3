package codec

import (
	"encoding/json"
	"fmt"
	"strings"
)

func (c codec) Encode(v any) (text string, failed bool, retErr error) {
	defer func() {
		if r := recover(); r != nil {
			retErr = fmt.Errorf("%v", r)
		}
	}()

	var buf strings.Builder
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		return err.Error(), true, retErr
	}
	return buf.String(), false, retErr
}

func (c codec) Decode(input string) (text string, failed bool, retErr error) {
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
