package pool

import "sync"

func RunAll(jobs []Job) {
	var wg sync.WaitGroup
	wg.Add(len(jobs))
	for _, j := range jobs {
		go func(j Job) {
			defer wg.Done()
			j.Run()
		}(j)
	}
	wg.Wait()
}
