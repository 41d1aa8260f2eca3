"""Greetings by language."""

greetings = {
      'en': 'hello',
      'fr': 'bonjour',
      'de': 'hallo',
      'es': 'hola',
      }

farewells = {
    'en': 'bye',
}
