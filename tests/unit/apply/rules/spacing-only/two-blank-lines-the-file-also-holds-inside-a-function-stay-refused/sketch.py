# ... existing code ...
    if not sys.stdout.isatty():
        return

    # clear the screen and move the cursor home
    echo("\033[2J\033[1;1H", nl=False)


# ... existing code ...
