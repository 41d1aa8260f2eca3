fn load(path: &str) -> Doc {
    let text = read(path);

    let doc = parse(&text);
    validate(&doc);
    doc
}

fn other() -> Doc {
    let doc = Doc::default();
    doc
}
