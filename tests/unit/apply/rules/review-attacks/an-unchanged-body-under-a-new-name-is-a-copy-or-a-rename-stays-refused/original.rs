/// Whether the char is a word character.
pub fn is_word_character(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Whether the byte is a word character.
pub fn is_word_byte(c: u8) -> bool {
    match c {
        b'_' | b'0'..=b'9' => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
}
