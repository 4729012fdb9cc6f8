# __name__ is "__main__" in the program being run.
def main():
    print("running main")
if __name__ == "__main__":
    main()
print(__name__)
