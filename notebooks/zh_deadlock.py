"""第 4 课：死锁 — the Chinese prose of 04-deadlock.ipynb (lessons_text.DEADLOCK)."""
import textwrap

SOURCE = "04-deadlock.ipynb"
ENGLISH = "c3e995a8a7416896"  # zh_text.fingerprint(lessons_text.DEADLOCK) when translated

COMMENTS = {
    "# a slow fraud check": "# 一次很慢的反欺诈检查",
    "# the same check": "# 同样的检查",
    "# Alice's lock first, as in alice_pays_bob": "# 先拿 Alice 的锁，和 alice_pays_bob 一样",
    "# your code here": "# 在这里写你的代码",
    "# no fraud check this time": "# 这次没有反欺诈检查",
    "# first one transfer, in this thread alone": "# 先在这个线程里单独做一次转账",
}

MARKDOWN = [textwrap.dedent(text).strip("\n") for text in [
    """
    # 第 4 课：死锁

    学完这一课，你就能识别死锁，读懂 threadlab 关于谁持有哪把锁、谁在等哪把锁的报告，
    找到导致死锁的调度，并通过始终按同一顺序获取锁来防止它。
    """,
    """
    **先修内容：**[第 3 课：锁](03-locks.ipynb)。
    """,
    """
    ## 每个账户一把锁的银行

    整个银行只用一把锁是安全的，但那样一次只能进行一笔转账。
    所以每个账户都有自己的锁，一笔转账要获取它涉及的两个账户的锁。
    这家银行有两个账户，各是一个全局数字：`alice` 和 `bob`。
    `open_bank()` 把两个余额都设为 100，并为每个账户新建一把锁。
    """,
    """
    `alice_pays_bob` 在整个转账过程中持有 Alice 的锁，在修改余额时还持有 Bob 的锁。
    `bob_pays_alice` 反过来做同样的事：先拿 Bob 的锁，再拿 Alice 的锁。
    两个 `with` 块是嵌套的：内层的锁先释放，然后才释放外层的锁。
    """,
    """
    ## 预测，然后运行

    Alice 给 Bob 转 10，同时 Bob 给 Alice 转 20。每笔转账都先锁住付款人的账户，
    做一次很慢的检查，然后再锁另一个账户。

    **会发生什么？**想一想：每个线程在等待另一把锁的时候，手里拿着哪把锁？
    """,
    """
    单元格以 `DeadlockError` 停止了。`alice-pays` 拿到了 `alice_lock`，在等 `bob_lock`；
    `bob-pays` 拿到了 `bob_lock`，在等 `alice_lock`。谁都无法继续，谁也永远不会释放手里的锁。
    这就是**死锁**：一组线程中，每个线程都在等另一个线程持有的锁，形成一个环。

    真正的 Python 程序在这里会直接卡住。threadlab 发现每个线程都阻塞在这样一个环里时，
    就会停止这个单元格。

    ## 仔细看看

    错误上方的表格就是 threadlab 的报告，每个卡住的线程占一行：它持有的锁、它在等什么，
    以及它在哪一行等待（错误信息里也会重复这些内容）。锁的名字就是你的代码里保存它的那个变量名。
    看 *waits for* 那一列：`alice-pays` 在等一把被 `bob-pays` 持有的锁，
    而 `bob-pays` 在等一把被 `alice-pays` 持有的锁。这个循环就是**等待环**。
    没有环，就没有死锁。（`MainThread` 也在报告里：它在 `join()` 里等一个永远不会结束的线程。）

    抛出这个错误时，threadlab 也停掉了那两个卡住的线程，所以你可以直接往下学。
    不过它们的锁仍然被占着：被停掉的线程什么都不会释放。所以下一个单元格会重新开一次银行，换上新锁。

    ## 让它可以重现

    反欺诈检查让死锁成了必然：两个线程都在对方请求第二把锁之前拿到了自己的第一把锁。
    如果没有这次暂停，只有当切换恰好落在最糟糕的位置时才会发生死锁，
    这正是那种能通过所有测试、却在生产环境里卡住的错误。`lab.explore` 会替你找出这样的调度。
    它会统计发生死锁的调度数，而不是在遇到第一个时就停下。
    """,
    """
    `explore` 运行了 {{deadlock_schedules}} 种调度，其中 {{deadlock_count}} 种发生了死锁；
    结果里把它记作 `'deadlock'`。其余每种调度都以 Alice 110、Bob 90 结束，这是正确的。
    暂停明明让死锁成了必然，为什么 {{deadlock_schedules}} 种里只有 {{deadlock_count}} 种？
    因为 `explore` 不管时间：一次 sleep 只是另一个线程可能开始运行的一个点。
    它统计的是程序所有可能的走法，而不是每种走法有多大可能；
    在真实的时钟上，暂停让那种致命的走法几乎成了唯一会发生的走法。

    现在你自己来找这种调度。在下面的单步执行器里，由你决定哪个线程走下一步；目标是死锁。
    线程下方的共享状态显示余额以及每把锁由哪个线程持有，无法继续的线程会说明它在等什么。
    """,
    """
    ### “去掉 sleep，死锁就没了”：并不是

    那次暂停看起来像是罪魁祸首：没有它，每笔转账都会立刻拿到第二把锁，
    另一个线程还来不及开始。下面是去掉反欺诈检查之后的同样两笔转账，
    每笔仍然先拿付款人的锁。**预测：**它们还会死锁吗？
    """,
    """
    20 次带种子的运行中，{{quick_finished}} 次全部顺利结束，测试也会通过。
    可是在 {{quick_schedules}} 种调度中，仍然有 {{quick_deadlocks}} 种会死锁，
    和有暂停时一样多。暂停只改变了那种致命调度发生的*可能性*，
    它从来不是让死锁成为可能的原因。原因在于锁的顺序：一个线程先拿 `alice_lock`
    再拿 `bob_lock`，另一个线程反过来；只有改变这个顺序才能消除它。
    """,
    """
    ## 修复它

    形成环需要一个线程先拿 A 再拿 B，而另一个线程先拿 B 再拿 A。
    如果每个线程都按**同一个全局顺序**获取锁，环就不可能形成。这里的顺序是按字母排序：
    不管钱往哪个方向转，每笔转账都先拿 `alice_lock`，再拿 `bob_lock`。
    只有 `bob_pays_alice` 需要修改。
    """,
    """
    用和之前一样的种子，Alice 最后有 110，Bob 有 90，没有死锁。表格说明了原因。
    第 1 步，`alice-pays` 拿到 `alice_lock`。第 2 步，`bob-pays` 请求同一把锁，只能等待：
    这一行写着 *waits for alice_lock, held by alice-pays*。它等待时手里什么锁都没有，
    所以 `alice-pays` 可以在第 4 步拿到 `bob_lock`，转完钱，再释放两把锁。
    直到这时，也就是第 11 步，`bob-pays` 才拿到 `alice_lock`。
    一个线程在等待没有问题；一圈互相等待的线程才是死锁。

    一次运行不是证明。检查每一种调度：
    """,
    """
    {{ordered_schedules}} 种调度中没有一种发生死锁，而且每一种都以 Alice 110、Bob 90 结束。

    ## 练习

    不要回头看 `bob_pays_alice_in_order`，自己写出 `safe_bob_pays_alice(bank, amount)`。
    检查每试一次都会开一家新的银行：`bank.alice` 和 `bank.bob` 是两人的余额，
    `bank.alice_lock` 和 `bank.bob_lock` 是它们的锁。你的函数必须把 `amount` 从 Bob 转给 Alice，
    按和 `alice_pays_bob` 相同的顺序获取两把锁，并释放这两把锁。
    检查会先单独运行它一次，再把它和 `alice_pays_bob` 放在一起探索每一种调度，
    然后告诉你有没有死锁、有没有钱对不上、有没有锁没被释放。
    """,
    """
    ### 一种可能的答案
    """,
    """
    ## 回顾

    - 死锁是一圈线程，每个线程都持有下一个线程在等的锁；它们谁也无法继续。
    - 在普通 Python 会卡住的地方，threadlab 抛出 `DeadlockError`，并报告谁持有什么、谁在等什么。
    - 死锁可能需要一次不走运的调度；`lab.explore` 能找到它。
      去掉一次 sleep 只会让它更少见，而不会让它不可能发生。
    - 按同一个全局顺序（这里是字母顺序）获取锁，环就不可能形成。

    下一课：[第 5 课：全局解释器锁 (GIL) 与多核](05-gil-and-cores.ipynb)。
    """,
]]
