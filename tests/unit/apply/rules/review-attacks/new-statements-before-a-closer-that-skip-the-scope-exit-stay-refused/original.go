package svc

func (s *Server) Start() error {
	if err := s.listen(); err != nil {
		return err
	}
	s.log.Info("listening")
	s.wg.Add(1)
	go s.serve()
	return nil
}

func (s *Server) Stop() {
	s.cancel()
}
