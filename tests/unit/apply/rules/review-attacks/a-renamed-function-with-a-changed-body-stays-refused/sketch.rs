    // existing code
}

fn errorV2() {
    let err = serde_json::from_str::<Value>("{0}").unwrap_err();
    let expected = "key must be a string at line 1 column 2";
    assert_eq!(err.to_string(), expected);
}

#[test]
fn indented() {
    // rest of the code unchanged
