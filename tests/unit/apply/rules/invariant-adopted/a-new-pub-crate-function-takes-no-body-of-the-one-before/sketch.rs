    // rest of the code unchanged
        (weight(table, a), weight(table, b))
    }

    pub(crate) fn weights_v2(&self, table: &[u8]) -> (usize, usize) {
        let (a, b) = self.bytes();
        (weight(table, a), weight(table, b))
    }
}

// ... existing code ...
