# A small class with class-level and instance-level counters.
class Visit:
    total = 0
    def __init__(self, page):
        self.page = page
        self.count = 0
        Visit.total += 1
    def hit(self):
        self.count += 1
        return self
pages = [Visit(p) for p in ["home", "about", "home2"]]
pages[0].hit().hit()
pages[2].hit()
print([(p.page, p.count) for p in pages], Visit.total, pages[1].total)
