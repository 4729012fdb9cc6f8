# current_thread, main_thread, enumerate, active_count, get_ident.
import threading

gate = threading.Event()
release = threading.Event()
info = {}

def worker():
    me = threading.current_thread()
    info["name"] = me.name
    info["is_main"] = me is threading.main_thread()
    info["ident_ok"] = me.ident == threading.get_ident() and isinstance(me.native_id, int)
    gate.set()
    release.wait()

t = threading.Thread(target=worker, name="w1")
t.start()
gate.wait()
names = sorted(x.name for x in threading.enumerate())
print(names, threading.active_count())
release.set()
t.join()
print(info)
print(threading.active_count(), [x.name for x in threading.enumerate()])
print(threading.main_thread().name, threading.current_thread() is threading.main_thread())
print(threading.get_ident() == threading.main_thread().ident, threading.get_ident() != t.ident)
