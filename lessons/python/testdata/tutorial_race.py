# The tutorial's race, in one thread: with no other thread the result is exact.
balance = 0

def deposit_and_withdraw(amount, times):
    global balance
    for i in range(times):
        balance = balance + amount
        balance = balance - amount

deposit_and_withdraw(5, 10000)
deposit_and_withdraw(8, 10000)
print("balance:", balance)

# The read-modify-write, spelled out step by step.
def steps(amount):
    global balance
    read = balance
    print("read", read)
    new = read + amount
    print("computed", new)
    balance = new
    print("wrote", balance)
steps(5)
steps(-5)
print("balance:", balance)
