# A class attribute that does not exist.
class Config:
    debug = True
print(Config.debug)
print(Config.verbose)
