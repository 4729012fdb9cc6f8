def f(a):
	if a:
		return 1
	else:
		return 2

class C:
	def m(self):
		pass
# comment at end


