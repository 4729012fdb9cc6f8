# try/else in a loop: else runs for each iteration without an exception.
results = []
for text in ["1", "x", "3", ""]:
    try:
        n = int(text)
    except ValueError:
        results.append("bad " + repr(text))
    else:
        results.append(n * 10)
print(results)
