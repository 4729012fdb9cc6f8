0
1
1_000_000
0x_ff
0XFF
0o777
0O17
0b1010
0B_1
123456789012345678901234567890
0xffffffffffffffffffff
9223372036854775807
9223372036854775808
00
0_0
1.5
1.
.5
1e10
1E-5
1_0.0_1e1_0
1e400
3j
1.5J
1e3j
'single'
"double"
'''triple
single'''
"""triple
double"""
'esc\n\t\\\'\"\a\b\f\v\r\0\1\12\123\x41\u00e9\U0001F600'
'unknown \q escape'
r'raw \n \x'
R"raw"
b'bytes\x00\xff'
B"BYTES"
br'raw\bytes'
Rb'x'
rB'x'
'implicit' "concatenation" '''of''' """strings"""
b'a' b'b'
'line\
continued'
'é ü 中文'
'\ud800'
x = ('a'
     'b'
     'c')
