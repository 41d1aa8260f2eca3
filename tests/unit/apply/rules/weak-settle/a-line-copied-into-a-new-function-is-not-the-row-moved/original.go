package server

import (
	"net"
	"sync"
)

type Server struct {
	mu      sync.Mutex
	ln      net.Listener
	running bool
}

func (s *Server) Start() error {
	s.mu.Lock()
	defer s.mu.Unlock()

	if err := s.listen(); err != nil {
		return err
	}
	s.running = true
	go s.serve()
	return nil
}

func (s *Server) Stop() error {
	s.running = false
	return s.ln.Close()
}
