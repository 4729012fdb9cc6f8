# -*- coding: latin-1 -*-
s = "café naïve"
été = 1
