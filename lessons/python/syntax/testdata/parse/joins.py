x = 1 \
    + 2
y = [1,
# comment inside
     2]
if x:

    # blank and comment lines

    pass
z = 3
