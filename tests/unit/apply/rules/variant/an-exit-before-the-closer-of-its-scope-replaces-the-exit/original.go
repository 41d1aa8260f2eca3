package query

// Execute runs the query.
func (q *Query) Execute(tree *Tree) *Result {
	result := &Result{}
	if q.root == nil {
		result.append(tree)
	} else {
		q.root.call(tree, result)
	}
	return result
}

// Count counts the matches.
func (q *Query) Count(tree *Tree) int {
	return len(q.Execute(tree).items)
}
