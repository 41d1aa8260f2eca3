    // ... other code ...

    #[derive(Error, Debug)]
    #[derive(Error, Debug)]
    pub enum AlwaysSourceOptBacktrace {
        /* ... keep existing ... */
