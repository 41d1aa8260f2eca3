// ... existing code ...
    ORDER BY id`
    if limit > 0 {
        query += fmt.Sprintf(" LIMIT %d", limit)
    }
	rows, err := s.db.Query(query)
// ... existing code ...
