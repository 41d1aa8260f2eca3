use std::fs::File;
use std::io::Write;

// ... existing code ...
