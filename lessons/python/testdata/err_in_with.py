# __exit__ runs, sees the exception and does not suppress it.
class Guard:
    def __enter__(self):
        print("acquire")
    def __exit__(self, et, ev, tb):
        print("release after", et.__name__)
        return False
with Guard():
    print("inside")
    {}["missing"]
