	// ... existing code ...
	case reflect.Struct:
		return isZeroStruct(val)
	case reflect.Slice, reflect.Array, reflect.Map:
		return val.Len() == 0
		return reflect.DeepEqual(val.Interface(), reflect.Zero(val.Type()).Interface())
	// ... existing code ...
