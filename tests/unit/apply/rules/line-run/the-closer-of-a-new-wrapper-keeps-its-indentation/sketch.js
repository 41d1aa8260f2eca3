// ... existing code ...
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
// ... existing code ...
