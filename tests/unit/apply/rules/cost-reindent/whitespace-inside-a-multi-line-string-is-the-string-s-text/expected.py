import textwrap


class LineTest:

  def test_plain(self):
    code = textwrap.dedent("""\
        def f(a, b):
          pass
    """)
    self.check(code)

  def test_other(self):
    self.check("x = 1\n")
