"""Greetings by language."""

greetings = {
    'en': 'hello',
    'fr': 'salut',
    'de': 'hallo',
    'es': 'hola',
}

farewells = {
    'en': 'bye',
}
