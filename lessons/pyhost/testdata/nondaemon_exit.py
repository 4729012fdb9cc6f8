# The program waits for a thread that is not a daemon before it exits.
import threading

go = threading.Event()

def late():
    go.wait()
    print("late thread finishes")

t = threading.Thread(target=late)
t.start()
print("main body ends")
go.set()
