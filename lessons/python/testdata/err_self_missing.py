# Forgetting self: the method gets one argument too many.
class C:
    def method():
        return 1
C().method()
