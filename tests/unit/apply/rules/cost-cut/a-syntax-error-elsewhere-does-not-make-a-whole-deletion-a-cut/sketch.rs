// ...
/// ```
#[cfg(doc)]
#[macro_export]
#[cfg(not(doc))]
#[macro_export]
macro_rules! check {
// ... rest of file unchanged ...
