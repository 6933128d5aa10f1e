"""The "did you mean" of a misspelt key (``closest-word.ts`` of ``@shellac/cli``)."""


def distance(a, b):
    """Edit distance (Levenshtein), case-insensitive: a typo's case is as likely wrong as its letters."""
    d = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        prev = d[0]
        d[0] = i
        for j in range(1, len(b) + 1):
            nxt = d[j]
            d[j] = min(d[j] + 1, d[j - 1] + 1, prev + (0 if a[i - 1].lower() == b[j - 1].lower() else 1))
            prev = nxt
    return d[len(b)]


def closest_word(word, candidates):
    """The candidate nearest to ``word`` when near enough to be the word meant, else None."""
    ranked = sorted(((c, distance(word, c)) for c in candidates), key=lambda pair: pair[1])
    if ranked and ranked[0][1] <= max(2, len(word) / 3):
        return ranked[0][0]
    return None
