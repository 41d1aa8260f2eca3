<<<<<<< SEARCH
    for _, x := range xs {
        t += x
    }
=======
    for _, x := range xs {
        if x > 0 {
            t += x
        }
    }
>>>>>>> REPLACE
