# Automatic names, repr before and after start, daemon inheritance.
import threading

def worker():
    pass

def other(x):
    pass

a = threading.Thread(target=worker)
b = threading.Thread(target=other, args=(1,))
c = threading.Thread()
d = threading.Thread(name="custom")
e = threading.Thread(target=lambda: None)
for t in (a, b, c, d, e):
    print(t.name, t.daemon, t.is_alive(), t.ident is None)
print(repr(a).split(",")[1])
a.start(); a.join()
print(repr(a).split(",")[1].split()[0])
print(a.is_alive())
f = threading.Thread(target=worker, daemon=True)
print(f.daemon, "daemon" in repr(f))
a.name = "renamed"
print(a.name)
