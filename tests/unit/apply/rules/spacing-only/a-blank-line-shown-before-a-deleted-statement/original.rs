#[test]
fn test_append() {
    let mut m = Map::new();
    m.append(val);
    let keys: Vec<_> = m.keys().collect();

    assert_eq!(keys, EXPECTED);
    assert!(val.is_empty());
}

#[test]
fn test_other() {
    assert!(true);
}
