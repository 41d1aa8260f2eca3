package main

type Server struct{}

func (s *Server) Start() error {
	return s.listen()
}

func (s *Server) Stop() error {
	return s.close()
}
