# A missing dict key; the message is the repr of the key.
ages = {"ann": 31}
print(ages["ann"])
print(ages["bob"])
