package store

func (s *Store) Save(key string, v []byte) error {
	if s.readOnly {
		return errReadOnly
	}
	if err := s.disk.Write(key, v); err != nil {
		return err
	}
	s.index[key] = len(v)
	return nil
}

func (s *Store) Close() error {
	s.closed = true
	return nil
}
