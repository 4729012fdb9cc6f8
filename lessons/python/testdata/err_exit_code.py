# SystemExit with a number is the exit status.
import sys
print("exiting with status 2")
sys.exit(2)
