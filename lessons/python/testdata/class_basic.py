# A class bundles data (attributes) with behaviour (methods).
class Account:
    bank = "ThreadBank"          # a class attribute, shared by all instances

    def __init__(self, owner, balance=0):
        self.owner = owner       # instance attributes
        self.balance = balance

    def deposit(self, amount):
        self.balance += amount
        return self.balance

    def describe(self):
        return f"{self.owner} has {self.balance} at {self.bank}"

a = Account("Ada", 100)
b = Account("Bob")
a.deposit(50)
b.deposit(7)
print(a.describe())
print(b.describe())
print(Account.bank, a.bank)

# Changing the class attribute is seen by every instance that has not shadowed it.
Account.bank = "NewBank"
print(a.bank, b.bank)
a.bank = "Private"
print(a.bank, b.bank, Account.bank)

# Methods are functions; a bound method remembers its instance.
m = a.deposit
print(m(1))
print(Account.deposit(b, 3))
print(type(a).__name__, isinstance(a, Account))
print(hasattr(a, "owner"), hasattr(a, "nothing"))
print(sorted(vars(a)))
print(a.__class__ is Account)
print(Account.__name__)
