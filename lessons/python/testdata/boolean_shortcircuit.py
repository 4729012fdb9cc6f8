# and/or short-circuit: the right side runs only when needed.
def t(label, value):
    print("eval", label)
    return value
print(t("a", 0) and t("b", 1))
print(t("a", 1) and t("b", 2))
print(t("a", 0) or t("b", 0) or t("c", "last"))
print(t("a", "first") or t("b", 2))
print(not t("a", []))
d = {}
print(d and d["k"], d.get("k") or "default")
