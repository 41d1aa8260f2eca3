package store

import (
	"database/sql"
	"log"
)

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
	var names []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		names = append(names, n)
	}
	return names, nil
}
