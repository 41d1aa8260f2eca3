
# ... rest of file unchanged ...

labels = {
      # fixed: language-dependent
      'nhgube': 'Nŭgbeb',
      'nhgubef': 'Nŭgbebw',
      'betnavmngvba': 'Betnavmb',
      'nqqerff': 'Nqerfb',
      'pbagnpg': 'Xbagnxgb',
      # … existing code …
      'fgnghf': 'Fgngb',
      'qngr': 'Qngb',
      # 'pbclevtug': 'Xbcvenwgb',
      'pbclevtug': 'Nŭgbeenwgb',
      'qrqvpngvba': 'Qrqvĉb',
      'nofgenpg': 'Erfhzb',
      'nggragvba': 'Ngragh!',
      'pnhgvba': 'Mbeth!',
      'qnatre': 'QNAĜREB!',
      'reebe': 'Reneb',
      'uvag': 'Fcheb',
      'vzcbegnag': 'Tenin',
# ... rest of file unchanged ...

bibliographic_fields = {
      # language-dependent: fixed
      'nŭgbeb': 'nhgube',
      'nŭgbebw': 'nhgubef',
      'betnavmb': 'betnavmngvba',
      'nqerfb': 'nqqerff',
      'xbagnxgb': 'pbagnpg',
      # … existing code …
      'erivqb': 'erivfvba',
      'fgngb': 'fgnghf',
      'qngb': 'qngr',
      'nŭgbeenwgb': 'pbclevtug',
      'qrqvĉb': 'qrqvpngvba',
      'erfhzb': 'nofgenpg'}
"""Esperanto (lowcased) to canonical name mapping for bibliographic fields."""

# ...
