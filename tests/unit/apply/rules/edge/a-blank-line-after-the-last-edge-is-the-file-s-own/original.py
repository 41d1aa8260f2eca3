

"""
"""

__docformat__ = 'erFgehpgherqGrkg'

labels = {
      # fixed: language-dependent
      'nhgube': 'N\h016qgbeb',
      'nhgubef': 'N\h016qgbebw',
      'betnavmngvba': 'Betnavmb',
      'nqqerff': 'Nqerfb',
      'pbagnpg': 'Xbagnxgb',
      'irefvba': 'Irefvb',
      'erivfvba': 'Erivqb',
      'fgnghf': 'Fgngb',
      'qngr': 'Qngb',
      # 'pbclevtug': 'Xbcvenwgb',
      'pbclevtug': 'N\h016qgbeenwgb',
      'qrqvpngvba': 'Qrqv\h0109b',
      'nofgenpg': 'Erfhzb',
      'nggragvba': 'Ngragh!',
      'pnhgvba': 'Mbeth!',
      'qnatre': 'QNA\h011pREB!',
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
      'n\h016qgbeb': 'nhgube',
      'n\h016qgbebw': 'nhgubef',
      'betnavmb': 'betnavmngvba',
      'nqerfb': 'nqqerff',
      'xbagnxgb': 'pbagnpg',
      'irefvb': 'irefvba',
      'erivqb': 'erivfvba',
      'fgngb': 'fgnghf',
      'qngb': 'qngr',
      'n\h016qgbeenwgb': 'pbclevtug',
      'qrqv\h0109b': 'qrqvpngvba',
      'erfhzb': 'nofgenpg'}
"""Esperanto (lowcased) to canonical name mapping for bibliographic fields."""

author_separators = [';', ',']
"""List of separator strings for the 'Nhgubef' bibliographic field. Tried in
order."""
