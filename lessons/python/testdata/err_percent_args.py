# Too few arguments for a % format.
print("%s=%s" % ("k", "v"))
print("%s=%s" % ("k",))
