# input() writes its prompt to stdout and reads a line from stdin.
name = input("Your name: ")
print()
n = int(input("How many? "))
print()
for i in range(n):
    print(f"{i + 1}. hello {name}")
words = input().split()
print(sorted(words), len(words))
