# input() reads a line from stdin without its newline.
name = input()
print("Hello,", name)
age = int(input("age? "))
print("next year", age + 1)
rest = []
while True:
    try:
        line = input()
    except EOFError:
        print("EOF reached")
        break
    rest.append(line)
print(rest)
