function probe() {
    let ok = false;
    if (supported) {
        try {
            ok = check({
                method: 'POST',
            }).ok;
        }
        catch (error) {
            return false;
        }
    }
    return ok;
}
