# A failed assert with a message.
balance = -5
assert balance >= 0, f"balance went negative: {balance}"
