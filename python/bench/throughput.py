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
import statistics
import subprocess
import time

import dyad


def time_cli(binary, path):
    start = time.perf_counter()
    subprocess.run([binary, "--quiet", "code", path, "--format", "json"],
                   stdout=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def time_python(path, threads):
    start = time.perf_counter()
    with open(path, encoding="utf-8") as lines:
        articles = (json.loads(line) for line in lines if line.strip())
        n = sum(1 for _ in dyad.code_many(articles, threads=threads))
    return time.perf_counter() - start, n


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
            seconds, n = time_python(args.jsonl, t or None)
            py[t].append(seconds)
    cli_s = statistics.median(cli)
    print(f"articles: {n}")
    print(f"dyad code --format json: median {cli_s:.2f} s ({n / cli_s:.1f} articles/s) "
          f"runs {[round(s, 2) for s in cli]}")
    for t, runs in py.items():
        s = statistics.median(runs)
        print(f"dyad.code_many threads={t or 'all'}: median {s:.2f} s ({n / s:.1f} articles/s) "
              f"runs {[round(x, 2) for x in runs]}  ratio {cli_s / s:.2f}x")


if __name__ == "__main__":
    main()
