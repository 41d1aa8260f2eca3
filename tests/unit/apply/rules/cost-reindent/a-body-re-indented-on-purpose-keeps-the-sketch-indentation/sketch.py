# ... existing code ...
greetings = {
    'en': 'hello',
    'fr': 'salut',
    'de': 'hallo',
    'es': 'hola',
}
# ... existing code ...
