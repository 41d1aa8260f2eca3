// ... existing code ...
}

pub fn is_ident_byte(c: u8) -> bool {
    match c {
        b'_' | b'0'..=b'9' => true,
        _ => false,
    }
}

#[cfg(test)]
// ... existing code ...
