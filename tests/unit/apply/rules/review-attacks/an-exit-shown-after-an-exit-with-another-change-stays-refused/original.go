package toml

import "reflect"

func isEmptyValue(val reflect.Value) bool {
	switch val.Kind() {
	case reflect.Struct:
		return false
	case reflect.Slice, reflect.Array, reflect.Map:
		return val.Len() == 0
	default:
		return reflect.DeepEqual(val.Interface(), reflect.Zero(val.Type()).Interface())
	}
}
