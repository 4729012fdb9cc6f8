# namedtuples as lightweight records in sorting and grouping.
from collections import namedtuple, defaultdict
Employee = namedtuple("Employee", "name dept salary")
staff = [Employee("ann", "eng", 120), Employee("bob", "ops", 90), Employee("cy", "eng", 100), Employee("dee", "ops", 95)]
by_dept = defaultdict(list)
for e in staff:
    by_dept[e.dept].append(e)
for dept, people in sorted(by_dept.items()):
    print(dept, [p.name for p in people], sum(p.salary for p in people))
print(max(staff, key=lambda e: e.salary))
raised = [e._replace(salary=e.salary + 10) for e in staff]
print(raised[0], raised[0] > staff[0])
print(Employee._fields, staff[1]._asdict())
name, dept, salary = staff[2]
print(name, dept, salary)
P = namedtuple("P", ["x", "y"])
print(P(1, 2) + P(3, 4), P(*range(2)), P(x=5, y=6).y)
