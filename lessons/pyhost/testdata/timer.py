# Timer runs a function later; a cancelled Timer never runs it.
import threading

fired = []
t = threading.Timer(0.01, fired.append, args=["first"])
t.start()
t.join()
c = threading.Timer(10, fired.append, args=["never"])
c.start()
c.cancel()
c.join()
k = threading.Timer(0.0, lambda **kw: fired.append(kw["word"]), kwargs={"word": "kw"})
k.start()
k.join()
print(fired, t.name.startswith("Thread-"))
