# break leaves only the innermost loop; a flag or for-else leaves both.
for i in range(3):
    for j in range(3):
        if j == 2:
            break
        print(i, j)
found = None
for i in range(5):
    for j in range(5):
        if i * j == 6:
            found = (i, j)
            break
    else:
        continue
    break
print("found", found)
