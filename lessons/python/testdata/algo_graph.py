# Graph search: breadth-first, depth-first, and shortest paths on a small map.
from collections import deque

graph = {
    "home": ["park", "shop"],
    "park": ["home", "lake", "school"],
    "shop": ["home", "school"],
    "school": ["park", "shop", "library"],
    "lake": ["park"],
    "library": ["school"],
}

def bfs(start, goal):
    queue = deque([[start]])
    seen = {start}
    while queue:
        path = queue.popleft()
        node = path[-1]
        if node == goal:
            return path
        for nxt in graph[node]:
            if nxt not in seen:
                seen.add(nxt)
                queue.append(path + [nxt])
    return None

def dfs(node, seen=None):
    seen = [] if seen is None else seen
    seen.append(node)
    for nxt in graph[node]:
        if nxt not in seen:
            dfs(nxt, seen)
    return seen

print(bfs("home", "library"))
print(bfs("lake", "shop"))
print(dfs("home"))

weights = {("a", "b"): 4, ("a", "c"): 1, ("c", "b"): 2, ("b", "d"): 1, ("c", "d"): 5}
def dijkstra(src):
    dist = {src: 0}
    todo = {src}
    while todo:
        node = min(todo, key=lambda n: dist[n])
        todo.remove(node)
        for (u, v), w in weights.items():
            if u == node and dist[node] + w < dist.get(v, 10 ** 9):
                dist[v] = dist[node] + w
                todo.add(v)
    return dict(sorted(dist.items()))
print(dijkstra("a"))
