# Parsing a tiny config format, with error reporting by line.
config = """
# comment
name = threadlab
workers = 4
ratio = 0.75
debug = yes
bad line here
tags = a, b, c
"""

def parse(text):
    result, errors = {}, []
    for lineno, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition("=")
        if not sep:
            errors.append(f"line {lineno}: expected key = value, got {line!r}")
            continue
        key, value = key.strip(), value.strip()
        if value.isdigit():
            value = int(value)
        elif value.replace(".", "", 1).isdigit():
            value = float(value)
        elif value in ("yes", "no"):
            value = value == "yes"
        elif "," in value:
            value = [v.strip() for v in value.split(",")]
        result[key] = value
    return result, errors

cfg, errs = parse(config)
for k, v in cfg.items():
    print(f"{k:8} {type(v).__name__:6} {v!r}")
print(errs)
