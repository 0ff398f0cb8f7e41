#!/usr/bin/env python3
"""Known-item relevance: tintuc against tantivy's BM25, in the same run.

    python3 scripts/relevance.py ARTICLES.json QUERIES.json [--k 10]
    python3 scripts/relevance.py tests/fixtures/relevance/articles.json \
        tests/fixtures/relevance/queries.json

ARTICLES is a collection (tintuc's JSON format); QUERIES a JSON array of
{"id": <the article sought>, "set": <name>, "query": <as a reader types it>}
(sets such as "plain": keywords without diacritics, "typo": one typing
mistake, "place": a place typed as words). For every set and engine it
prints recall@k (the article among the first k) and the mean reciprocal
rank (1/rank within the first k, else 0).

Engines:
  tintuc            `tintuc search --json` (target/release/tintuc, built if
                    missing), as a reader gets it
  tintuc-as-typed   the same with --no-typos --no-telex
  bm25              tantivy (pip install tantivy) over the same titles and
                    bodies, diacritics folded on both sides (so that typing
                    without them can match at all), any query word
  bm25-fuzzy        the same, each word also matched within one edit by
                    tantivy's fuzzy term query (transpositions one edit)
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import unicodedata
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def fold(text):
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").lower()


def paragraphs(article):
    for p in article.get("body", []):
        yield p if isinstance(p, str) else p.get("text", "")


def tintuc_binary():
    binary = os.path.join(ROOT, "target", "release", "tintuc")
    if not os.path.exists(binary):
        subprocess.run(
            ["cargo", "build", "--release", "--quiet", "--bin", "tintuc"], cwd=ROOT, check=True
        )
    return binary


def tintuc_ranker(articles_path, extra):
    binary = tintuc_binary()
    index = tempfile.mkdtemp(prefix="tintuc-relevance-")
    env = dict(os.environ, XDG_STATE_HOME=index, XDG_CONFIG_HOME=index)

    def rank(query, k):
        out = subprocess.run(
            [binary, "--data", articles_path, "--index", index, "search", query,
             "--json", "--limit", str(k), *extra],
            capture_output=True, text=True, env=env, check=False,
        )
        if out.returncode not in (0, 1):
            sys.exit(f"tintuc failed on {query!r}: {out.stderr.strip()}")
        return [row["id"] for row in json.loads(out.stdout or "[]")]

    return rank


def bm25_ranker(articles, fuzzy):
    try:
        import tantivy
    except ImportError:
        sys.exit("tantivy is missing: pip install tantivy")
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    builder.add_text_field("title", stored=False)
    builder.add_text_field("body", stored=False)
    schema = builder.build()
    index = tantivy.Index(schema)
    writer = index.writer()
    for a in articles:
        writer.add_document(tantivy.Document(
            id=a["id"], title=fold(a.get("title", "")), body=fold("\n".join(paragraphs(a))),
        ))
    writer.commit()
    index.reload()
    searcher = index.searcher()
    fields = ["title", "body"]
    should = tantivy.Occur.Should

    def rank(query, k):
        words = "".join(c if c.isalnum() else " " for c in fold(query)).split()
        if not words:
            return []
        # Each word in either field, BM25-scored; with `fuzzy`, also any
        # word one edit away (scored as a constant by tantivy).
        parts = []
        for w in words:
            for f in fields:
                parts.append((should, tantivy.Query.term_query(schema, f, w)))
                if fuzzy:
                    parts.append((should, tantivy.Query.fuzzy_term_query(schema, f, w, 1, True)))
        hits = searcher.search(tantivy.Query.boolean_query(parts), k).hits
        return [searcher.doc(address)["id"][0] for _, address in hits]

    return rank


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("articles")
    parser.add_argument("queries")
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--show", action="store_true", help="print every miss")
    args = parser.parse_args()
    with open(args.articles, encoding="utf-8") as f:
        articles = json.load(f)
    with open(args.queries, encoding="utf-8") as f:
        queries = json.load(f)
    known = {a["id"] for a in articles}
    unknown = [q for q in queries if q["id"] not in known]
    if unknown:
        sys.exit(f"queries for articles not in the collection: {unknown[:3]}")

    rankers = {
        "tintuc": tintuc_ranker(os.path.abspath(args.articles), []),
        "tintuc-as-typed": tintuc_ranker(
            os.path.abspath(args.articles), ["--no-typos", "--no-telex"]),
        "bm25": bm25_ranker(articles, fuzzy=False),
        "bm25-fuzzy": bm25_ranker(articles, fuzzy=True),
    }
    sets = sorted({q["set"] for q in queries})
    print(f"{len(articles)} articles, {len(queries)} queries, k = {args.k}")
    print(f"{'set':<8} {'n':>4}  " + "  ".join(f"{name:>22}" for name in rankers))
    print(f"{'':<8} {'':>4}  " + "  ".join(f"{'recall   MRR':>22}" for _ in rankers))
    for s in sets:
        chosen = [q for q in queries if q["set"] == s]
        cells = []
        for name, rank in rankers.items():
            found, rr = 0, 0.0
            for q in chosen:
                ids = rank(q["query"], args.k)
                if q["id"] in ids:
                    found += 1
                    rr += 1 / (ids.index(q["id"]) + 1)
                elif args.show:
                    print(f"  miss {name}: {q['query']!r} ({q['id']}) got {ids[:3]}")
            cells.append(f"{found / len(chosen):>10.2f} {rr / len(chosen):>6.2f}     ")
        print(f"{s:<8} {len(chosen):>4}  " + "  ".join(f"{c:>22}" for c in cells))


if __name__ == "__main__":
    main()
