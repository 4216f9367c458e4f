#!/usr/bin/env python3
"""Writes romanised Indian names in Indic scripts, by rule: romanisation -> Devanagari with the
conventions of Hindi name spelling, then Devanagari -> the other Brahmic scripts by their
parallel Unicode layout (with fallbacks where a script lacks a letter).

Used by build_dicts.py to make the Indic-script name dictionaries from the Latin frequency
lists, and by the recall evaluation to write held-out names in every script. A rule-based
spelling is often not the spelling a clerk would use (सुनिता for सुनीता); parda does not rely
on it alone (honorifics, relation markers and context words find names in any spelling).

  indic_names.py NAME...     # prints each name in every script
"""
import sys
import unicodedata

SCRIPTS = {
    "devanagari": 0x0900,
    "bengali": 0x0980,
    "gurmukhi": 0x0A00,
    "gujarati": 0x0A80,
    "odia": 0x0B00,
    "tamil": 0x0B80,
    "telugu": 0x0C00,
    "kannada": 0x0C80,
    "malayalam": 0x0D00,
}

# Consonants, longest spelling first.
CONSONANTS = [
    ("chh", "छ"), ("ksh", "क्ष"), ("shr", "श्र"), ("sh", "श"), ("kh", "ख"), ("gh", "घ"), ("ch", "च"),
    ("jh", "झ"), ("th", "थ"), ("dh", "ध"), ("ph", "फ"), ("bh", "भ"), ("gy", "ज्ञ"), ("tt", "ट्ट"),
    ("dd", "ड्ड"), ("k", "क"), ("g", "ग"), ("c", "क"), ("j", "ज"), ("t", "त"), ("d", "द"), ("n", "न"),
    ("p", "प"), ("b", "ब"), ("m", "म"), ("y", "य"), ("r", "र"), ("l", "ल"), ("v", "व"), ("w", "व"),
    ("s", "स"), ("h", "ह"), ("f", "फ"), ("z", "ज"), ("q", "क"), ("x", "क्स"),
]
# Vowels: (spelling, independent letter, sign after a consonant), longest first.
VOWELS = [
    ("aa", "आ", "ा"), ("ai", "ऐ", "ै"), ("au", "औ", "ौ"), ("ee", "ई", "ी"), ("ii", "ई", "ी"),
    ("oo", "ऊ", "ू"), ("ou", "औ", "ौ"), ("a", "अ", ""), ("i", "इ", "ि"), ("u", "उ", "ु"),
    ("e", "ए", "े"), ("o", "ओ", "ो"),
]
VIRAMA = "्"
NASALS_BEFORE_CONSONANT = ("n", "m")


def _tokens(word):
    """Splits a romanised word into ('c', letter) and ('v', independent, sign) units."""
    i, out = 0, []
    while i < len(word):
        for spelling, independent, sign in VOWELS:
            if word.startswith(spelling, i):
                out.append(("v", independent, sign, spelling))
                i += len(spelling)
                break
        else:
            for spelling, letter in CONSONANTS:
                if word.startswith(spelling, i):
                    out.append(("c", letter, spelling))
                    i += len(spelling)
                    break
            else:
                return None
    return out


# Spellings that the letter rules get wrong and names use often: (romanised, Devanagari).
WHOLE_PARTS = [("shree", "श्री"), ("shri", "श्री"), ("sri", "श्री"), ("krishn", "कृष्ण"), ("ngh", "ंह")]


def devanagari(word, final=True, schwa_er=False):
    """One romanised name word (ASCII letters) in Devanagari, or None; `final`: the word ends
    here (a final -a or -i is long); `schwa_er`: a final -er after a consonant is the inherent
    vowel and r (balwinder: बलविंदर, as Punjabi and Hindi write it, beside बलविंदेर)."""
    word = word.lower()
    for roman, deva in WHOLE_PARTS:
        if word.startswith(roman) and len(word) > len(roman):
            rest = devanagari(word[len(roman):], schwa_er=schwa_er) if roman != "ngh" else None
            if rest is not None:
                # श्री + निवास: the rest is spelled as a word of its own, minus its vowel letter.
                return deva + _as_sign(rest)
        if roman == "ngh" and word.endswith("ngh") and len(word) > 3:
            head = devanagari(word[:-3], final=False)
            if head is not None:
                return head + deva
    # A final -y after a consonant is the long i of रेड्डी, चौधरी.
    if len(word) > 2 and word.endswith("y") and word[-2] not in "aeiou":
        word = word[:-1] + "i"
    toks = _tokens(word)
    if not toks:
        return None
    out = []
    for k, t in enumerate(toks):
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        last = nxt is None
        if t[0] == "c":
            # n/m before another consonant inside a word: the anusvara (आनंद, संजय, सिंह).
            if (
                t[2] in NASALS_BEFORE_CONSONANT
                and k > 0
                and nxt is not None
                and nxt[0] == "c"
                and nxt[2] != t[2]
                and toks[k - 1][0] == "v"
            ):
                out.append("ं")
                continue
            out.append(t[1])
            if nxt is not None and nxt[0] == "c":
                out.append(VIRAMA)
            continue
        _, independent, sign, spelling = t
        after_consonant = k > 0 and toks[k - 1][0] == "c" and out[-1] != "ं"
        if (
            schwa_er
            and final
            and after_consonant
            and spelling == "e"
            and len(toks) >= 5
            and k == len(toks) - 2
            and toks[-1][0] == "c"
            and toks[-1][2] == "r"
        ):
            continue
        if after_consonant:
            # Name conventions: a final -a is long (शर्मा, सुनीता), a final -i is long (लक्ष्मी).
            if final and last and spelling == "a":
                sign = "ा"
            elif final and last and spelling == "i":
                sign = "ी"
            out.append(sign)
        else:
            out.append(independent)
    return "".join(out)


def _as_sign(word):
    """A word's leading independent vowel as a vowel sign (after श्री)."""
    for _, independent, sign in VOWELS:
        if independent and word.startswith(independent):
            return sign + word[len(independent):]
    return word


# Scripts that write a word-final consonant with a visible virama (ரமேஷ், రమేశ్).
FINAL_VIRAMA = ("tamil", "telugu", "kannada", "malayalam")

# Letters a script lacks, replaced (in Devanagari) before the offset is applied.
FALLBACKS = {
    # Punjabi writes Singh with gh: ਸਿੰਘ, not ਸਿੰਹ (2026-12-05).
    "gurmukhi": {"ष": "श", "ृ": "्रि", "ऋ": "रि", "ज्ञ": "ग्य", "ंह": "ंघ"},
    "tamil": {
        "ख": "क", "ग": "क", "घ": "क", "छ": "च", "झ": "ज", "ठ": "ट", "ड": "ट", "ढ": "ट", "थ": "त",
        "द": "त", "ध": "त", "फ": "प", "ब": "प", "भ": "प", "श": "ष", "ृ": "ु", "ऋ": "रु", "ं": "न्",
    },
    "odia": {"व": "ब"},
    "bengali": {"व": "ब"},
}


def in_script(deva, script):
    """A Devanagari word in `script`, or None where a letter has no counterpart."""
    if script == "devanagari":
        return deva
    for a, b in sorted(FALLBACKS.get(script, {}).items(), key=lambda kv: -len(kv[0])):
        deva = deva.replace(a, b)
    if script in FINAL_VIRAMA and 0x0915 <= ord(deva[-1]) <= 0x0939:
        if script == "tamil" and deva.endswith("न"):
            deva = deva[:-1] + "ऩ"  # Tamil's final n is ன
        deva += VIRAMA
    base = SCRIPTS[script]
    out = []
    for ch in deva:
        cp = ord(ch)
        if 0x0900 <= cp <= 0x097F:
            target = chr(cp - 0x0900 + base)
            try:
                unicodedata.name(target)
            except ValueError:
                return None
            out.append(target)
        else:
            out.append(ch)
    return "".join(out)


def romanised_variants(word):
    """The spellings a romanised name commonly stands for: itself, with the vowel of a final
    closed syllable long (kumar: कुमार as well as कुमर), with the i before a final -a long
    (sunita: सुनीता as well as सुनिता), and with one inner a long (yadav: यादव)."""
    import re
    word = word.lower()
    out = [word]
    if re.search(r"[^aeiou]a[^aeiouy]$", word) and not word.endswith(("ngh", "sh", "th", "dh", "kh", "gh", "ch", "bh", "ph")):
        out.append(word[:-2] + "aa" + word[-1])
    elif re.search(r"[^aeiou]a(sh|th|dh|kh|gh|ch|bh|ph)$", word):
        out.append(word[:-3] + "aa" + word[-2:])
    if re.search(r"[^aeiou]i[^aeiou]a$", word):
        out.append(word[:-3] + "ee" + word[-2:])
    # One short a inside the word written long (yadav: यादव, rakesh: राकेश, tiwari: तिवारी):
    # romanisation does not tell a from aa.
    for m in list(re.finditer(r"(?<![aeiou])a(?=[^aeiouy])", word))[:3]:
        if m.start() > 0 and m.end() < len(word) - 1:
            out.append(word[: m.start()] + "aa" + word[m.end():])
    return out


def all_spellings(word):
    """Every spelling, in every script, of one romanised word and its variants (with a final
    -er also as the inherent vowel and r)."""
    out = set()
    for v in romanised_variants(word):
        out |= set(all_scripts(v).values())
        out |= set(all_scripts(v, schwa_er=True).values())
    return out


def all_scripts(word, schwa_er=False):
    """{script: spelling} for one romanised word."""
    deva = devanagari(word, schwa_er=schwa_er)
    if deva is None:
        return {}
    return scripts_of(deva)


def scripts_of(deva):
    """{script: spelling} for one word written in Devanagari."""
    out = {}
    for script in SCRIPTS:
        s = in_script(deva, script)
        if s:
            if script == "malayalam":
                # Malayalam writes a final n, r, l, ṇ as a chillu letter (മുരുകൻ).
                for plain, chillu in (("ന്", "ൻ"), ("ര്", "ർ"), ("ല്", "ൽ"), ("ണ്", "ൺ")):
                    if s.endswith(plain):
                        s = s[: -len(plain)] + chillu
            out[script] = unicodedata.normalize("NFC", s)
    return out


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(name, " ".join(all_scripts(name).values()))
