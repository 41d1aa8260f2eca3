// ... existing code ...
pub fn count(hay: &[u8]) -> usize {
    hay.len()
}

pub fn find_v2(n: u8, hay: &[u8]) -> Option<usize> {
    fn imp(n: u8, hay: &[u8]) -> Option<usize> {
        hay.iter().position(|&b| b == n)
    }

    imp(n, hay)
}
// ... existing code ...
