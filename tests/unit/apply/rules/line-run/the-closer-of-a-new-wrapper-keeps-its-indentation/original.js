function probe() {
    let ok = false;
    if (supported) {
        ok = check({
            method: 'POST',
        }).ok;
    }
    return ok;
}
