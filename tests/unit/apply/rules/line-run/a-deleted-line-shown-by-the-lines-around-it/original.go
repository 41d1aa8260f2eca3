package report

func canSkip(v Value, opts Options) bool {
	switch {
	case opts.Verbose:
		return false // must show everything
	case v.Count == 0:
		return false // nothing to show
	case !v.Left.Valid() || !v.Right.Valid():
		return false // both sides must be valid
	case v.Ignored > 0:
		return false // an ignore option was used
	case v.Transformed > 0:
		return false // a transform was used
	}
	return true
}
