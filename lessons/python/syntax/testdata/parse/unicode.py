# -*- coding: utf-8 -*-
nom = "café"
naïve = 1
変数 = naïve + 1
s = f"{nom!r:>10} {変数}"
b = "\u00e9\U0001F600"
