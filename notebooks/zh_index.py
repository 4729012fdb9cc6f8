"""The Chinese index (zh/00-index.ipynb): the course's lessons, each linked
to its Chinese notebook when one is translated and to the English one,
with a note, when not."""
import textwrap

import lessons_text

# In the English index, under its title.
SWITCH_TO_ZH = "*其他语言：* [中文（简体）](zh/00-index.ipynb)"

# English notebook -> (Chinese title, what the learner does there).
TITLES = {
    "01-threads.ipynb": ("线程", "启动线程、等待它们结束、用名字区分它们，并让它们的输出可以重现。"),
    "02-race-conditions.ipynb": ("竞态条件", "两个线程在共享的余额上丢失更新；你会找到丢失发生的那一步，"
                                 "并列出一次竞态可能产生的所有结果。"),
    "03-locks.ipynb": ("锁", "让余额每次都正确，测量这样做的代价，并看看线程在持有锁时出错会怎样。"),
    "04-deadlock.ipynb": ("死锁", "两个线程各自持有对方需要的东西；读懂 threadlab 的报告，找到导致死锁的调度，"
                          "再按固定顺序获取锁来修复它。"),
    "05-gil-and-cores.ipynb": ("全局解释器锁 (GIL) 与多核", "看着实时 CPU 图，观察忙碌的线程如何挤在一个核心上，"
                               "然后用上所有核心。"),
    "06-coordination.ipynb": ("协调", "让线程等待一个信号、一件物品、一个空位或彼此，"
                              "并理解为什么等待要放在 `while` 循环里。"),
    "07-producer-consumer.ipynb": ("生产者与消费者", "通过 Queue 把工作交给工作线程，等待工作完成，"
                                   "再给每个工作线程一个哨兵值让它停下。"),
    "08-parallel-results.ipynb": ("并行工作的结果", "把工作交给线程池和进程池，通过 future 收集结果和错误，"
                                  "并看到进程拿到的永远只是一份副本。"),
    "09-free-threading.ipynb": ("自由线程 Python", "关闭 GIL 时的竞态、没有 GIL 时哪些操作仍然是原子的，"
                                "以及线程什么时候能让程序变快。"),
    "10-classic-problems.ipynb": ("把经典问题当作谜题", "亲手造成一次透支、一桌会死锁的哲学家和一桌会挨饿的“礼貌”哲学家，"
                                  "再把它们一一修好。"),
}

UNTRANSLATED = "（尚未翻译，链接到英文版）"


def _md(text):
    return ("markdown", textwrap.dedent(text).strip("\n"), {"rows": []})


def lesson_list(names, done):
    lines = ["## 课程列表", ""]
    for number, name in enumerate(names, start=1):
        title, what = TITLES[name]
        if name in done:
            lines.append("%d. [%s](%s)：%s" % (number, title, name, what))
        else:
            lines.append("%d. [%s](../%s)%s：%s" % (number, title, name, UNTRANSLATED, what))
    lines += ["", "请按顺序学习：每一课都建立在前一课的基础上。"]
    return ("markdown", "\n".join(lines), {"rows": []})


def cells(english, names, done):
    """english: the English index's cells (its code cell runs here too);
    names: the lesson notebooks in order; done: the translated ones."""
    kernel_check = [c for c in english if c[0] == "code"]
    first = names[0]
    start = ("[第 1 课：%s](%s)" % (TITLES[first][0], first) if first in done
             else "[第 1 课：%s](../%s)%s" % (TITLES[first][0], first, UNTRANSLATED))
    return [
        _md("""
        # threadlab：亲眼看见并发

        *Other languages:* [English](../00-index.ipynb)

        这些简短的课程让你**看见**线程在做什么：哪个线程读到了什么、按什么顺序，
        为什么一个共享的数字会算错，为什么两个线程会永远互相等待，
        以及一个程序实际用了几个处理器核心。每一课需要 10 到 20 分钟。
        """),
        lesson_list(names, done),
        _md("""
        ## 你在单元格里写什么

        单元格里是普通的 **Python 3.11**，由 threadlab 自己的解释器运行。
        你可以像在别处一样导入 `threading`、`time` 和 `multiprocessing`，
        课程需要的一切都能用：全局变量、类、`with` 语句块、`try` 和 `finally`。

        有一个模块不用导入就能用：`lab`，也就是 threadlab 的工具箱。
        它提供让运行可以重现的种子、交错表、对所有调度的穷举探索，以及实时 CPU 图。
        凡是 threadlab 的线程模型和标准解释器 CPython 不同的地方，课程里都会说明。

        运行下面的单元格（Shift+Enter），确认内核可以工作。
        """),
    ] + kernel_check + [
        _md("""
        ## 在你自己的电脑上学习

        你需要 Go 和 Jupyter。在 threadlab 仓库的副本里运行：

        ```
        make install
        make lab
        ```

        第一条命令构建 threadlab 并把它注册为 Jupyter 内核；
        第二条命令在经典的 Jupyter Notebook 中打开这些笔记本。
        你也可以用 JupyterLab（`jupyter lab notebooks/`），然后选择 **threadlab** 内核。

        ## 在 Binder 上学习

        """ + lessons_text.BINDER_BADGE.replace("\n    ", "\n        ") + """

        这个徽章会在浏览器里用 JupyterLab 打开课程，什么都不用安装。
        Binder 的机器通常只有一两个核心；第 5 课的图显示的是你的会话真正拥有的核心数。

        准备好了吗？从 """ + start + """ 开始。
        """),
    ]
