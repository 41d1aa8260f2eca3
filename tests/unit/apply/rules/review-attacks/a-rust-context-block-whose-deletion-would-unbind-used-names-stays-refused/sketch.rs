// ... existing code ...
fn build() -> Vec<u8> {
    vec![1, 2, 3]
}
// ... existing code ...

    assert_eq!(dec, data);
}
