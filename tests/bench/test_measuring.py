"""The benchmark's way of measuring (bench/run.py, bench/report.py): runs taking turns, the
least CPU time judged, memory written before a run; and the instruction counts of
bench/instructions.py. No mbl binary is run: fake programs record the order they ran in and
report chosen times, a fake valgrind chosen counts.

Usage: python3 test_measuring.py SOURCE_DIR
"""

import os
import stat
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(sys.argv.pop(1) if len(sys.argv) > 1 else ".", "bench"))

import instructions  # noqa: E402 (after the path above)
import report  # noqa: E402
import run  # noqa: E402


class FakeProgram:
    """A Runs whose runs append `name` to `ran` and report the next of `times` (wall, CPU,
    user); the run given a peak file writes `peak_kb` there, as GNU time does."""

    def __init__(self, name, ran, times, peak_kb=1000):
        self.name = name
        self.ran = ran
        self.times = list(times)
        self.peak_kb = peak_kb
        self.checked = 0

    def runs(self, writes=0):
        def run_once(peak_file):
            if peak_file:
                with open(peak_file, "w", encoding="utf-8") as out:
                    out.write(f"Command exited\n{self.peak_kb}\n")
                self.ran.append(self.name + " (peak)")
                return (9.0, 9.0, 9.0)  # never among the measured times
            self.ran.append(self.name)
            return self.times.pop(0)

        def check():
            self.checked += 1

        return run.Runs(lambda: None, run_once, check, writes)


class MeasureInTurnTest(unittest.TestCase):
    def setUp(self):
        self.scratch = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.scratch.cleanup()

    def test_rounds_take_turns_and_start_one_further_along(self):
        ran = []
        programs = [FakeProgram(name, ran, [(1, 1, 1)] * 3) for name in "abc"]
        run.measure_in_turn([p.runs() for p in programs], 3, self.scratch.name, warm=False)
        self.assertEqual(ran, ["a (peak)", "b (peak)", "c (peak)",
                               "a", "b", "c", "b", "c", "a", "c", "a", "b"])
        self.assertEqual([p.checked for p in programs], [1, 1, 1])

    def test_median_and_least_of_the_measured_runs_only(self):
        ran = []
        times = [(0.5, 0.4, 0.3), (0.2, 0.3, 0.25), (0.9, 0.8, 0.1)]
        program = FakeProgram("a", ran, times, peak_kb=2048)
        [measured] = run.measure_in_turn([program.runs()], 3, self.scratch.name, warm=False)
        self.assertEqual(measured.seconds, 0.5)
        self.assertEqual(measured.cpu_seconds, 0.4)
        self.assertEqual(measured.least_cpu_seconds, 0.3)
        self.assertEqual(measured.least_user_seconds, 0.1)  # from another run than the CPU's
        self.assertEqual(measured.peak_bytes, 2048 * 1024)

    def test_memory_is_written_before_each_measured_run_only(self):
        ran = []
        written = []
        program = FakeProgram("a", ran, [(1, 1, 1)] * 2, peak_kb=4)
        saved = run.back_memory
        run.back_memory = lambda size: (written.append(size), ran.append("memory"))
        try:
            run.measure_in_turn([program.runs(writes=100)], 2, self.scratch.name)
        finally:
            run.back_memory = saved
        self.assertEqual(ran, ["a (peak)", "memory", "a", "memory", "a"])
        self.assertEqual(written, [4096 + 1024 + 100] * 2)  # 1.25x the peak, and the writes


class BackMemoryTest(unittest.TestCase):
    def test_writes_and_returns_for_any_size(self):
        for size in (0, 1, run.mmap.PAGESIZE + 1, 4 << 20):
            run.back_memory(size)  # no exception, even for nothing to write

    def test_at_most_half_the_memory_available(self):
        mapped = []
        real_mmap, real_available = run.mmap.mmap, run.available_memory

        def recording_mmap(fileno, length, **options):
            mapped.append(length)
            return real_mmap(fileno, length, **options)

        run.mmap.mmap = recording_mmap
        try:
            run.available_memory = lambda: 8 << 20
            run.back_memory(1 << 30)
            run.available_memory = lambda: 0  # unreadable: nothing is written
            run.back_memory(1 << 30)
        finally:
            run.mmap.mmap, run.available_memory = real_mmap, real_available
        self.assertEqual(mapped, [4 << 20])


class Side:
    def __init__(self, median, least, least_user, peak=1):
        self.seconds = median
        self.cpu_seconds = median
        self.least_cpu_seconds = least
        self.least_user_seconds = least_user
        self.peak_bytes = peak


class JudgedOnLeastTest(unittest.TestCase):
    def row(self, assets, median, least, least_user, floor=None):
        return report.Row("query", "x", assets, 10 ** 9, Side(median, least, least_user), None,
                          floor)

    def test_floor_ratio_compares_the_least_cpu_times(self):
        row = self.row(100_000, 0.5, 0.19, 0.18, floor=Side(0.2, 0.1, 0.1))
        self.assertAlmostEqual(row.floor_ratio(), 1.9)
        target, result = report.judge(row, [row])
        self.assertIn("≤ 2× floor (least CPU)", target)
        self.assertNotIn("floor", result)  # 1.9×: met, though the medians give 2.5×

    def test_growth_compares_the_least_cpu_times(self):
        base = self.row(100_000, 0.2, 0.1, 0.08)
        large = self.row(1_000_000, 3.0, 1.2, 0.9)
        self.assertAlmostEqual(report.growth(large, [base, large]), 12.0)
        self.assertAlmostEqual(report.user_growth(large, [base, large]), 11.25)
        target, result = report.judge(large, [base, large])
        self.assertIn("≤ 11× 100k (least CPU)", target)
        self.assertEqual(result, "FAIL: growth")

    def test_floor_growth_compares_the_floors_least_cpu_times(self):
        base = self.row(100_000, 0.2, 0.1, 0.08, floor=Side(0.3, 0.05, 0.04))
        large = self.row(1_000_000, 3.0, 1.2, 0.9, floor=Side(1.0, 0.55, 0.5))
        self.assertAlmostEqual(report.floor_growth(large, [base, large]), 11.0)
        self.assertIsNone(report.floor_growth(base, [base, large]))
        no_floor = self.row(1_000_000, 3.0, 1.2, 0.9)
        self.assertIsNone(report.floor_growth(no_floor, [base, no_floor]))
        table = [line for line in report.markdown([base, large], "").splitlines()
                 if line.startswith("| query |")]
        # jq s, × jq, growth, user growth, floor growth: none at 100k
        self.assertIn("| — | — | — | — | — | ≤ 0.25 s", table[0])
        self.assertIn("| 12.0× | 11.2× | 11.0× |", table[1])  # growth, user growth, floor growth


# Stands in for valgrind: writes "Collected : <the program's name>" to the log file callgrind is
# given ("none": no log), and exits with the program's first argument when it is a number, else 0.
FAKE_VALGRIND = """#!/bin/sh
for argument; do
  case "$argument" in --log-file=*) log="${argument#--log-file=}" ;; esac
done
shift 3
[ "$1" = none ] || printf '==1== Events    : Ir\\n==1== Collected : %s\\n' "$1" > "$log"
case "$2" in ''|*[!0-9]*) exit 0 ;; esac
exit "$2"
"""


class InstructionsTest(unittest.TestCase):
    def setUp(self):
        self.scratch = tempfile.TemporaryDirectory()
        fake = os.path.join(self.scratch.name, "valgrind")
        with open(fake, "w", encoding="utf-8") as out:
            out.write(FAKE_VALGRIND)
        os.chmod(fake, stat.S_IRWXU)
        # subprocess looks the program up in the PATH of the environment it is given
        self.environment = dict(os.environ, PATH=self.scratch.name + os.pathsep
                                + os.environ.get("PATH", ""))
        self.log = os.path.join(self.scratch.name, "callgrind.log")

    def tearDown(self):
        self.scratch.cleanup()

    def test_reads_the_count_callgrind_logs(self):
        self.assertEqual(instructions.count_instructions(["12345", "0"], self.log,
                                                         self.environment), 12345)

    def test_a_failed_command_or_a_missing_count_is_an_error(self):
        with self.assertRaises(run.CommandFailed):
            instructions.count_instructions(["12345", "2"], self.log, self.environment)
        with self.assertRaises(run.CommandFailed):  # 1 is a difference from diff only
            instructions.count_instructions(["12345", "1"], self.log, self.environment)
        self.assertEqual(instructions.count_instructions(["7", "1", "diff"], self.log,
                                                         self.environment), 7)
        os.remove(self.log)
        with self.assertRaises(run.CommandFailed):  # no log
            instructions.count_instructions(["none", "0"], self.log, self.environment)
        with open(self.log, "w", encoding="utf-8") as log:
            log.write("==1== valgrind: out of memory\n")
        with self.assertRaises(run.CommandFailed) as raised:  # a log without a count
            instructions.count_instructions(["none", "0"], self.log, self.environment)
        self.assertIn("out of memory", str(raised.exception))

    def test_an_edit_is_counted_on_a_copy_removed_afterwards(self):
        source = os.path.join(self.scratch.name, "source.json")
        with open(source, "w", encoding="utf-8") as out:
            out.write("{}")
        scratch = os.path.join(self.scratch.name, "scratch")
        os.mkdir(scratch)
        edit = next(op for op in run.OPERATIONS if op.name == "edit one asset")
        facts = {"label": "1k", "path": source, "today": "2026-01-01", "edit_asset": "a"}

        class Options:
            mbl = "4242"  # the fake valgrind's count

        self.assertEqual(instructions.count_operation(edit, facts, Options, scratch,
                                                      self.environment), 4242)
        self.assertEqual(os.listdir(scratch), [])

    def test_growth_is_judged_against_ten_times_the_assets(self):
        operations = [op for op in run.OPERATIONS if op.name in ("query", "status", "velocity")]
        counts = {("query", 1000): 2_000_000_000, ("query", 10000): 20_400_000_000,
                  ("status", 1000): 1_000_000_000, ("status", 10000): 10_600_000_000,
                  ("velocity", 1000): 1_000_000_000}
        text = instructions.markdown(counts, operations, (1000, 10000), run.REPO + "/mbl")
        self.assertIn("| query | 2.00 G | 20.40 G | 10.20× | ≤ 10.5× | pass |", text)
        self.assertIn("| status | 1.00 G | 10.60 G | 10.60× | ≤ 10.5× | FAIL: growth |", text)
        self.assertIn("| velocity | 1.00 G | — | — | — | not counted |", text)
        self.assertIn("1 of the 2 operations counted grow more than 10.5×.", text)
        del counts[("status", 10000)]
        self.assertIn("Every operation counted grows at most 10.5× (1 of 3).",
                      instructions.markdown(counts, operations, (1000, 10000), "mbl"))
        self.assertIn("No operation was counted at both sizes.",
                      instructions.markdown({}, operations, (1000, 10000), "mbl"))


if __name__ == "__main__":
    unittest.main()
