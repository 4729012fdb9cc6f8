# pass and ... as placeholders.
def todo():
    ...
class Later:
    pass
if True:
    pass
for _ in range(2):
    pass
while False:
    pass
print(todo(), Later.__name__, ..., type(...).__name__, Ellipsis is ...)
