// ... existing code ...

func (s *Server) Start() error {
	s.mu.Lock()
	s.log.Info("starting server")

	// ... existing code ...
}

func (s *Server) Stop() error {
	s.mu.Lock()
	defer s.mu.Unlock()

	s.running = false
	return s.ln.Close()
}
