#!/usr/bin/env python3
"""Builds crates/zhupi-core/data/nonname-words.txt, the words a name never opens with,
from jieba's dictionary (jieba 0.42.1, `jieba/dict.txt`, MIT licence; on PyPI).

    python3 tools/lexicon.py path/to/jieba/dict.txt [--min-count N] \
        > crates/zhupi-core/data/nonname-words.txt
    make lexicon        (fetches jieba's sdist from PyPI into target/ and runs this)

A name read back from its head noun (`积极融入` + `区域战略`) has its left edge at a word
boundary after a word that is not part of a name: a verb (融入, 服务), an adverb (立即,
更好), a pronoun, preposition, conjunction or particle. jieba tags each of its 349,046
words with a part of speech; this keeps its multi-character words of those parts of
speech (the one-character ones are a closed class kept by hand in
crates/zhupi-core/src/lexicon.rs, where each is guarded against content words that open
with it). Two sections:

    [verbs]           v, vn, vd, vi: words before which a name begins (融入 + 区域战略),
                      and which a name does not open with
    [function words]  d, ad, r, p, c, u: the same, and a name does not end in one either
                      (志愿者们立即 + 行动 is an action, not a campaign)

jieba's dictionary is general: most of its verbs never occur in policy news. The table
ships to every page (fetched beside the module), so it keeps the function words that
occur at least --min-count times in the unannotated corpus (../shared/corpus/, policy
news of the kind zhupi reads), and the verbs where zhupi uses them: those seen at least
--verb-min-count times right after a function word or a modal
(crates/zhupi-core/src/lexicon.rs's MODALS), since a verb only ends a name's reach after
an adverb (`积极` + `融入`). The README gives the size and the scores of the cut,
measured.
Established names that open with such a word (`服务业扩大开放综合试点`) are found before
any name is read back from a head noun, so the two tables do not clash.
"""

import argparse
import glob
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VERBS = {"v", "vn", "vd", "vi"}
FUNCTION_WORDS = {"d", "ad", "r", "p", "c", "u"}
HAN_WORD = re.compile(r"^[\u4e00-\u9fff]{2,4}$")


def read_modals():
    """The one-character adverbs and modals of the core's lexicon.rs (`pub const MODALS`)."""
    source = open(os.path.join(ROOT, "crates", "zhupi-core", "src", "lexicon.rs"), encoding="utf-8").read()
    block = source[source.index("pub const MODALS"):]
    block = block[:block.index("];")]
    return set(re.findall(r"'(.)'", block))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dict", help="jieba's dict.txt")
    parser.add_argument("--min-count", type=int, default=2,
                        help="keep function words seen at least this often in the corpus")
    parser.add_argument("--verb-min-count", type=int, default=2,
                        help="keep verbs seen at least this often after an adverb or modal")
    args = parser.parse_args()

    corpus = "".join(open(f, encoding="utf-8").read()
                     for f in sorted(glob.glob(os.path.join(ROOT, "..", "shared", "corpus", "*", "*.txt"))))

    sections = {"verbs": set(), "function words": set()}
    verbs = set()
    with open(args.dict, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) != 3 or not HAN_WORD.match(parts[0]):
                continue
            word, _, tag = parts
            if tag in FUNCTION_WORDS and corpus.count(word) >= args.min_count:
                sections["function words"].add(word)
            elif tag in VERBS:
                verbs.add(word)
    modals = read_modals()
    for verb in verbs:
        after_adverb = 0
        for m in re.finditer(re.escape(verb), corpus):
            at = m.start()
            if (at > 0 and corpus[at - 1] in modals) or any(
                    corpus[max(0, at - n):at] in sections["function words"] for n in (2, 3, 4)):
                after_adverb += 1
        if after_adverb >= args.verb_min_count:
            sections["verbs"].add(verb)

    out = sys.stdout
    out.write("# Words a name never opens with: built by tools/lexicon.py from jieba 0.42.1's\n"
              "# dict.txt (https://pypi.org/project/jieba/, MIT licence, (c) Sun Junyi), its\n"
              f"# multi-character function words seen at least {args.min_count} times in ../shared/corpus/\n"
              f"# and verbs seen at least {args.verb_min_count} times there after an adverb or modal.\n"
              "# Do not edit: rebuild with `make lexicon`.\n")
    for section, words in sections.items():
        out.write(f"[{section}]\n")
        out.write("\n".join(sorted(words)) + "\n")


if __name__ == "__main__":
    main()
