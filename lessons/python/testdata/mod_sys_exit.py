# sys.exit ends the program with a status; finally blocks still run.
import sys
print("before exit")
try:
    sys.exit(3)
except SystemExit as e:
    print("caught SystemExit with code", e.code)
try:
    print("exiting for real")
    sys.exit(4)
finally:
    print("finally still runs")
print("never printed")
