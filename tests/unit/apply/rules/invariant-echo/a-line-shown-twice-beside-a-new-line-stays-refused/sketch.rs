// ... existing code ...
}

#[test]
#[test]
fn test_unit() {
    assert_eq!("unit", unit().to_string());
}
// ... existing code ...
