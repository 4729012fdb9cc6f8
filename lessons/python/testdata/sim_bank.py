# A bank with accounts, transfers, and errors that protect the invariants.
class InsufficientFunds(Exception):
    pass

class Account:
    next_id = 1
    def __init__(self, owner, balance=0):
        self.id = Account.next_id
        Account.next_id += 1
        self.owner = owner
        self.balance = balance
        self.history = []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError(f"deposit must be positive, got {amount}")
        self.balance += amount
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(f"{self.owner} has {self.balance}, needs {amount}")
        self.balance -= amount
        self.history.append(("withdraw", amount))
    def __repr__(self):
        return f"Account#{self.id}({self.owner}, {self.balance})"

class Bank:
    def __init__(self):
        self.accounts = {}
    def open(self, owner, balance=0):
        acct = Account(owner, balance)
        self.accounts[acct.id] = acct
        return acct
    def transfer(self, src, dst, amount):
        src.withdraw(amount)
        try:
            dst.deposit(amount)
        except ValueError:
            src.deposit(amount)
            raise
    def total(self):
        return sum(a.balance for a in self.accounts.values())

bank = Bank()
ann = bank.open("ann", 100)
bob = bank.open("bob", 50)
print(bank.accounts, bank.total())
bank.transfer(ann, bob, 30)
print(ann, bob, bank.total())
for amount in [500, -5, 20]:
    try:
        bank.transfer(bob, ann, amount)
        print("moved", amount)
    except InsufficientFunds as e:
        print("refused:", e)
    except ValueError as e:
        print("invalid:", e)
print(ann.history, bob.history)
print(bank.total(), sorted(bank.accounts))
