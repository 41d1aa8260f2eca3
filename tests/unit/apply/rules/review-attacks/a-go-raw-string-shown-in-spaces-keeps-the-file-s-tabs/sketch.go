// ... existing code ...

func ActiveUsers(db *sql.DB) ([]string, error) {
    query := `
        SELECT name
        FROM users
        WHERE active = 1
    `
    rows, err := db.Query(query)
    if err != nil {
        return nil, err
    }
    defer rows.Close()
// ... existing code ...
