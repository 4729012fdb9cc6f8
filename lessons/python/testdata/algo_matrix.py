# Matrices as lists of lists.
def matmul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]

def transpose(m):
    return [list(row) for row in zip(*m)]

def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]

def show(m):
    for row in m:
        print(" ".join(f"{v:4}" for v in row))

a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
show(matmul(a, b))
show(transpose(a))
print(matmul(identity(3), b) == b)

def matpow(m, n):
    result = identity(len(m))
    while n:
        if n & 1:
            result = matmul(result, m)
        m = matmul(m, m)
        n >>= 1
    return result
fib = matpow([[1, 1], [1, 0]], 90)
print(fib[0][1])
grid = [[0] * 5 for _ in range(5)]
for i in range(5):
    grid[i][i] = grid[i][4 - i] = 1
show(grid)
print(sum(map(sum, grid)), max(max(r) for r in grid))
