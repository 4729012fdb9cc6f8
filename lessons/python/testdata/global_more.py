# global from nested functions and loops; globals() lookups.
total = 0
items = []
def add(n):
    global total
    total += n
    items.append(n)
def run():
    def helper(k):
        global total
        total *= k
    for i in range(1, 4):
        add(i)
    helper(10)
run()
print(total, items)
def set_new():
    global fresh, other
    fresh, other = 1, 2
set_new()
print(fresh + other)
print("total" in globals(), globals()["total"])
def shadow():
    total = "local"
    return total
print(shadow(), total)
