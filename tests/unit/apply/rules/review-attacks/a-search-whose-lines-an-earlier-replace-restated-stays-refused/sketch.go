<<<<<<< SEARCH
func (c *Counter) Inc() {
	c.mu.Lock()
	defer c.mu.Unlock()
=======
func (c *Counter) Inc() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.log("inc")
>>>>>>> REPLACE

<<<<<<< SEARCH
	c.mu.Lock()
	defer c.mu.Unlock()
=======
	c.mu.RLock()
	defer c.mu.RUnlock()
>>>>>>> REPLACE
