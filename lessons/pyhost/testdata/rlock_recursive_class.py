# An RLock lets a method that holds it call another that takes it too.
import threading

class Account:
    def __init__(self, balance):
        self.balance = balance
        self.lock = threading.RLock()

    def withdraw(self, amount):
        with self.lock:
            if self.balance >= amount:
                self.balance -= amount
                return True
            return False

    def transfer_out(self, amounts):
        with self.lock:
            return [self.withdraw(a) for a in amounts]

acct = Account(100)
res = []

def client(amounts):
    res.append(acct.transfer_out(amounts))

ts = [threading.Thread(target=client, args=([10, 20],)) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(acct.balance, sorted(sum(r) for r in res))
