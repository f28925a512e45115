"""How far a long import or export is, for the person (or the log) watching it."""


class Progress:
    """Called as `progress(kind, done, total)`. On a terminal, one line redrawn in place
    ("articles 4,200 / 10,046  42%"); otherwise (a log, CI) a plain line at each tenth and at
    the end, so the output stays short and readable."""

    def __init__(self, stream):
        self.stream = stream
        self.terminal = hasattr(stream, "isatty") and stream.isatty()
        self.reported = {}  # kind -> the last tenth reported

    def __call__(self, kind, done, total):
        if total <= 0:
            return
        line = f"{kind} {done:,} / {total:,}  {done * 100 // total}%"
        if self.terminal:
            self.stream.write(f"\r{line}\033[K", ending="" if done < total else "\n")
            self.stream.flush()
            return
        tenth = done * 10 // total
        if tenth > self.reported.get(kind, 0) or (done == total and tenth == 0):
            self.reported[kind] = tenth
            self.stream.write(line)
