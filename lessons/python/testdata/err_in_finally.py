# finally runs, then the original exception continues.
def risky():
    try:
        print("working")
        return [1, 2][5]
    finally:
        print("cleanup done")
risky()
