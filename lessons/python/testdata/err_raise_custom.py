# A user exception class escapes the program.
class BankError(Exception):
    pass
print("transferring")
raise BankError("insufficient funds in account 7")
