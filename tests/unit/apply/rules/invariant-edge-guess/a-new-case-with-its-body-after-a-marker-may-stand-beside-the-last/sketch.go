// ... existing code ...
	case 3:
		return "three"
	}
	return ""
}
