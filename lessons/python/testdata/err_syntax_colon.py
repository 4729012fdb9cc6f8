# A missing colon is a SyntaxError before anything runs.
print("this line never runs")
if True
    print("x")
