# A character that is not valid in Python source.
x = 5 $ 3
