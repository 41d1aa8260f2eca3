pub fn find(n: u8, hay: &[u8]) -> Option<usize> {
    fn imp(n: u8, hay: &[u8]) -> Option<usize> {
        hay.iter().position(|&b| b == n)
    }

    imp(n, hay)
}

pub fn rfind(n: u8, hay: &[u8]) -> Option<usize> {
    fn imp(n: u8, hay: &[u8]) -> Option<usize> {
        hay.iter().rposition(|&b| b == n)
    }

    imp(n, hay)
}

pub fn count(hay: &[u8]) -> usize {
    hay.len()
}

pub fn is_empty(hay: &[u8]) -> bool {
    hay.is_empty()
}
