# An unknown name is a NameError; the program stops with a traceback.
print("about to use an undefined name")
print(undefined_total + 1)
