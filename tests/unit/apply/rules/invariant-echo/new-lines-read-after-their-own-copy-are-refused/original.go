package repo

func (r *Repo) Find(id string) (*Row, error) {
	if id == "" {
		return nil, ErrEmpty
	}
	row, err := r.db.Find(id)
	if errors.Is(err, ErrMissing) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	return row, nil
}
