"""第 7 课：生产者与消费者 — the Chinese prose of 07-producer-consumer.ipynb
(lessons_queues.CELLS)."""
import textwrap

SOURCE = "07-producer-consumer.ipynb"
ENGLISH = "748c0d0aeeb8dd78"  # zh_text.fingerprint(lessons_queues.CELLS) when translated

COMMENTS = {
    "# the sentinel: no more orders": "# 哨兵值：没有更多订单了",
    "# every order taken and done": "# 每个订单都被取走并完成了",
}

MARKDOWN = [textwrap.dedent(text).strip("\n") for text in [
    """
    # 第 7 课：用 Queue 实现生产者与消费者

    学完这一课，你就能通过 `queue.Queue` 把工作从一个线程交给多个工作线程，
    等到每一份工作都完成，并干净利落地让工作线程停下，还能检查每一种调度都会结束。
    """,
    """
    **先修内容：**[第 6 课：协调](06-coordination.ipynb)。
    """,
    """
    ## 预测，然后运行：一间厨房

    在第 6 课里，你用 Condition 搭了一个有界缓冲区。Python 的 `queue.Queue`
    就是这样的缓冲区，现成的，而且经过了测试：`put()` 放进一件东西（有界队列满时会等待），
    `get()` 取出最早放进去的东西，队列空时会等待。

    队列还会统计没做完的工作。每次 `put()` 加一；工作线程做完它取到的一件东西时调用 `task_done()`；
    `join()` 一直等到计数回到 0。要让工作线程停下，生产者就放进一个**哨兵值**，
    也就是一个不代表工作的值，这里是 `None`。
    """,
    """
    两位厨师，三道菜。**预测：**每位厨师都会做其中几道菜吗？
    """,
    """
    用这个种子时，`jo` 做了全部三道菜，`ida` 一道都没做。这并没有出错：
    队列保证的是每件东西恰好交给一个工作线程，而不是把工作平均分配。

    ## 仔细看看：谁在等待

    表格显示了队列内部的锁，以及每一个等过它的线程。
    """,
    """
    第 2 步，`ida` *waits for orders's lock, held by MainThread*（在等 orders 的锁，它被 MainThread 持有）：
    主线程正在放入订单。等 ida 拿到锁时，jo 已经抢先了。最后几行是主线程的 `join()`：
    当每一个订单（包括哨兵值）都调用过 `task_done()` 之后，它就返回。
    第 42 步，`jo` 最后一次 `task_done()` *wakes MainThread*（唤醒主线程）。
    """,
    """
    ## 让它可以重现：少了一个哨兵值

    每位厨师拿到第一个 `None` 就停下，所以两位厨师需要两个哨兵值。
    **预测：**只有一个会怎样？`lab.explore` 会运行所有最多包含一次抢占的调度；
    同样的探索每次都给出同样的计数。
    """,
    """
    全部 {{one_sentinel_schedules}} 种调度都以死锁结束（其中 {{one_sentinel_deadlocks}} 种）：
    一位厨师拿到了唯一的 `None` 回家了，另一位在 `get()` 里等一个永远不会来的订单，
    而厨房里的 `join()` 在等那位厨师。

    ## 修复它：每个工作线程一个哨兵值
    """,
    """
    全部 {{two_sentinels_schedules}} 种调度都让厨房关门了。

    ### “我可以先检查 `empty()`”：不行

    一种常见的捷径是让工作线程循环 `while not orders.empty():`，然后调用 `get()`，不用哨兵值。
    这看起来很安全，因为队列是线程安全的。但每次调用单独来看是安全的，两次调用合在一起却不是。
    在检查和 `get()` 之间，另一个工作线程可能拿走最后一件东西：这是一个“先检查后行动”的竞态，
    和第 2 课的一样。
    """,
    """
    {{hasty_schedules}} 种调度中有 {{hasty_deadlocks}} 种永远不会关门。看其中一种。
    """,
    """
    第 3 步，`ida` 看到队列不是空的。在她调用 `get()` 之前，`jo` 也做了检查，并拿走了汤（第 7 步）。
    第 15 步，ida *waits for a notify of a Queue's get*（在等 Queue 的 get 通知）：
    再也不会有人放进别的东西了。在 CPython 上这种调度很少见，所以测试能通过；但它依然存在。
    每个工作线程一个哨兵值，就根本不需要 `empty()`。
    """,
    """
    ## 练习

    写一个函数 `squarer(tasks, results)`：它从队列 `tasks` 里不断取数字，直到取到 `None`；
    把每个数字的平方放到队列 `results` 上；并且对它取到的每一件东西（包括哨兵值）都调用
    `tasks.task_done()`。检查会先单独运行一个工作线程，再在每一种调度下运行两个工作线程，
    每次都用新的队列。
    """,
    """
    ### 一种可能的答案
    """,
    """
    ## 回顾

    - `queue.Queue` 是现成的有界缓冲区：`get()` 等待东西到来，`put()` 等待空位。
    - 对取到的每件东西调用 `task_done()`，再加上 `join()`，就能让生产者等到所有工作都完成。
    - 用哨兵值让工作线程停下，每个工作线程一个。
    - 先 `empty()` 再 `get()` 是一个“先检查后行动”的竞态；让 `get()` 来负责等待。

    回到[课程目录](00-index.ipynb)。
    """,
]]
