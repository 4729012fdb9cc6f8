# Adding an int and a str is a TypeError with both type names.
count = 3
print("count is", count)
label = count + " apples"
