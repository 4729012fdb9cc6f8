# printf-style formatting with %.
print("%d items" % 5)
print("%s and %s" % ("tea", "cake"))
print("%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%x %X %o %#x %#o" % (255, 255, 8, 255, 8))
print("%f %.2f %10.3f %-10.1f| %e %.3E %g %G" % (3.14159, 3.14159, 3.14159, 3.14159, 12345.678, 0.000123, 1e-10, 1e20))
print("%s %r %a" % ("str", "repr", "é"))
print("%c%c%c" % (72, 105, 33), "%c" % "x")
print("%%d is literal, %d is not" % 7)
print("%(name)s is %(age)d" % {"name": "Ada", "age": 36})
print("%*d|%-*d|%.*f" % (6, 1, 6, 2, 2, 3.14159))
print("%s" % [1, 2], "%s" % (1,), "%s" % None)
print("%i %u" % (3, 4), "%.3s" % "abcdef", "%8.3s|" % "abcdef")
print("%d" % 3.99, "%d" % True, "%s" % True, "%.0f" % 0.5, "%.0f" % 1.5)
for bad in [lambda: "%d" % "x", lambda: "%s %s" % ("one",), lambda: "%s" % ("a", "b"), lambda: "%z" % 1]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
