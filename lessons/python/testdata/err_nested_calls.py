# An error deep in a call chain: the traceback lists every frame.
def parse(text):
    return int(text)

def load(items):
    return [parse(t) for t in items]

def main():
    print("loading")
    values = load(["1", "2", "three"])
    print(values)

main()
