fn build() -> Vec<u8> {
    vec![1]
}

#[test]
fn roundtrip() {
    let data = build();

    let enc = encode(&data);
    let dec = decode(&enc);
    assert_eq!(dec, data);
}
