# Finding things in strings.
s = "the thread holds the lock while the other thread waits"
print(s.find("thread"), s.find("thread", 5), s.rfind("thread"), s.find("mutex"))
print(s.index("lock"), s.count("the"), s.count("the", 10), s.count(""))
print("lock" in s, "LOCK" in s, "LOCK".lower() in s, s.startswith("the"), s.endswith("waits"))
print(s.startswith("thread", 4), s.endswith("the", 0, 3))
pos, found = 0, []
while True:
    i = s.find("th", pos)
    if i < 0:
        break
    found.append(i)
    pos = i + 1
print(found)
print(s.replace("thread", "task"), s.replace(" ", "", 3))
print(s.upper().count("THE"), s.title()[:20], s.capitalize()[:10])
print(s.partition("holds"), s.rpartition("the"))
print(len(s), s[4:10], s[-5:], s[::7])
