# dict.pop of a missing key without a default.
d = {"a": 1}
d.pop("b")
