"""code_many throughput against the `dyad` command on the same articles.

    python python/bench/throughput.py ../shared/data/news/bbc.jsonl --dyad target/release/dyad

Times `dyad code FILE --format json > /dev/null` and, in this process, reading the same
JSON Lines file and consuming every record of `dyad.code_many` (as dicts), alternately,
`--runs` times each; prints the medians and their ratio (articles per second, Python over
the command). Build both in release (`cargo build --release -p dyad-cli`,
`pip install ./python`). Not a test: timings depend on the machine.
"""

import argparse
import json
import resource
import statistics
import subprocess
import time

import dyad


def cpu(who):
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def time_cli(binary, path):
    start, start_cpu = time.perf_counter(), cpu(resource.RUSAGE_CHILDREN)
    subprocess.run([binary, "--quiet", "code", path, "--format", "json"],
                   stdout=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start, cpu(resource.RUSAGE_CHILDREN) - start_cpu


def time_python(path, threads):
    start, start_cpu = time.perf_counter(), cpu(resource.RUSAGE_SELF)
    with open(path, encoding="utf-8") as lines:
        articles = (json.loads(line) for line in lines if line.strip())
        n = sum(1 for _ in dyad.code_many(articles, threads=threads))
    return time.perf_counter() - start, cpu(resource.RUSAGE_SELF) - start_cpu, n


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("jsonl")
    parser.add_argument("--dyad", default="target/release/dyad", help="the dyad binary")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--threads", type=int, nargs="*", default=[1, 0],
                        help="code_many thread counts to time (0: one per core)")
    args = parser.parse_args()
    dyad.code("Warm-up: the pipeline is built once per process.")
    cli, py = [], {t: [] for t in args.threads}
    n = 0
    for _ in range(args.runs):
        cli.append(time_cli(args.dyad, args.jsonl))
        for t in args.threads:
            seconds, cpu_seconds, n = time_python(args.jsonl, t or None)
            py[t].append((seconds, cpu_seconds))
    print(f"articles: {n}; medians of {args.runs} alternating runs; ratio = the command's time "
          "over Python's (>1: Python is faster)")
    report("dyad code --format json", cli, n, None)
    for t, runs in py.items():
        report(f"dyad.code_many threads={t or 'all'}", runs, n, cli)


def report(name, runs, n, reference):
    wall = statistics.median(r[0] for r in runs)
    busy = statistics.median(r[1] for r in runs)
    line = (f"{name}: wall {wall:.2f} s ({n / wall:.0f} articles/s), CPU {busy:.2f} s; "
            f"wall runs {[round(r[0], 2) for r in runs]}")
    if reference:
        ref_wall = statistics.median(r[0] for r in reference)
        ref_busy = statistics.median(r[1] for r in reference)
        line += f"; ratio wall {ref_wall / wall:.2f}x, CPU {ref_busy / busy:.2f}x"
    print(line)


if __name__ == "__main__":
    main()
