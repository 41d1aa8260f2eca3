	// (unchanged)
		return false // must show everything
	case v.Count == 0:
		return false // nothing to show
		return false // both sides must be valid
	case v.Ignored > 0:
		return false // an ignore option was used
	// (unchanged)
