package main

import "net/http"

// healthHandler answers load balancer probes.
func healthHandler(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusOK)
}

func main() {
	http.HandleFunc("/healthz", healthHandler)
	_ = http.ListenAndServe(":8080", nil)
}
