# sorted with key and reverse; sort stability lets you sort by several keys.
students = [("ann", "B", 82), ("bob", "A", 90), ("cy", "B", 82), ("dee", "A", 75), ("eve", "C", 82)]
print(sorted(students, key=lambda s: s[2]))
print(sorted(students, key=lambda s: s[2], reverse=True))
by_name = sorted(students)
by_grade = sorted(by_name, key=lambda s: s[1])
print(by_grade)
print(sorted(students, key=lambda s: (-s[2], s[0])))
print(sorted("Hello World".split(), key=str.casefold))
print(sorted([3, -1, -4, 2], key=abs), sorted([3, -1, -4, 2], key=lambda x: x * x, reverse=True))
print(sorted({"b": 2, "a": 3, "c": 1}.items(), key=lambda kv: kv[1]))
nums = [5, 2, 8, 1]
nums.sort(key=lambda n: -n)
print(nums)
print(sorted([[2, "b"], [1, "z"], [2, "a"]]), sorted([(1, 2), (1,), ()]))
print(min(students, key=lambda s: s[2]), max(students, key=lambda s: (s[2], s[0])))
print(sorted(range(10), key=lambda n: (n % 3, n)))
print(sorted([], key=len), sorted("bca", reverse=True))
