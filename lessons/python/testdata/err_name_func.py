# NameError inside a function: the traceback names the function.
def report():
    return f"total: {totl}"
print("calling report")
report()
