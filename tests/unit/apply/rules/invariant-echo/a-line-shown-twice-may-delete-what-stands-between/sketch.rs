// ... existing code ...
}

#[test]
#[test]
fn test_unit() {
    // ... existing code ...
