# sys.getswitchinterval / setswitchinterval and multiprocessing.cpu_count.
import sys, multiprocessing

print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
for bad in (0, -1):
    try:
        sys.setswitchinterval(bad)
    except ValueError as e:
        print(e)
try:
    sys.setswitchinterval("x")
except TypeError as e:
    print(e)
print(multiprocessing.cpu_count() >= 1)
