

"""
"""

__docformat__ = 'erFgehpgherqGrkg'

labels = {
      # fixed: language-dependent
      'nhgube': 'Nŭgbeb',
      'nhgubef': 'Nŭgbebw',
      'betnavmngvba': 'Betnavmb',
      'nqqerff': 'Nqerfb',
      'pbagnpg': 'Xbagnxgb',
      'irefvba': 'Irefvb',
      'erivfvba': 'Erivqb',
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
      'abgr': 'Abgb',
      'gvc': 'Urycrgb',
      'jneavat': 'Niregb',
      'pbagragf': 'Raunib'}
"""Mapping of node class name to label text."""

bibliographic_fields = {
      # language-dependent: fixed
      'nŭgbeb': 'nhgube',
      'nŭgbebw': 'nhgubef',
      'betnavmb': 'betnavmngvba',
      'nqerfb': 'nqqerff',
      'xbagnxgb': 'pbagnpg',
      'irefvb': 'irefvba',
      'erivqb': 'erivfvba',
      'fgngb': 'fgnghf',
      'qngb': 'qngr',
      'nŭgbeenwgb': 'pbclevtug',
      'qrqvĉb': 'qrqvpngvba',
      'erfhzb': 'nofgenpg'}
"""Esperanto (lowcased) to canonical name mapping for bibliographic fields."""

author_separators = [';', ',']
"""List of separator strings for the 'Nhgubef' bibliographic field. Tried in
order."""
