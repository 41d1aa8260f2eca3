// ...

pub fn is_word_byteV2(c: u8) -> bool {
    match c {
        b'_' | b'0'..=b'9' => true,
        _ => false,
    }
}

#[cfg(test)]
// ... (no changes here) ...
