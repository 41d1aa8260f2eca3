# ... existing code ...

  def test_plain(self):
    code = textwrap.dedent("""\
        def f(a, b):
          pass
    """)
    self.check(code)
# ... existing code ...
