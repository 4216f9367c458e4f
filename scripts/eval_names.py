#!/usr/bin/env python3
"""Measures name detection on names parda has never seen: the held-out part of the name lists
(testdata/names/heldout_*, see rules/dict/README.md, left out of the dictionaries for the run
with parda's hidden `--without-names` option), planted in free-text remarks and in name
columns, in Latin script and in nine Indic scripts, next to decoy remarks that hold no PII.

  scripts/eval_names.py [--parda PATH] [--rows N] [--seed S] [--json OUT] [--keep DIR] [--all-names]

Prints, per group (free text / name column x Latin / Indic): rows, names planted, recall (a
name counts as masked when none of its words survives in the output cell), and the share of
non-PII words changed (in the name rows' filler words and in the decoy rows). Exit status 0.
"""
import argparse, csv, json, os, random, re, subprocess, sys, tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
NAMES = os.path.join(ROOT, "testdata", "names")

LATIN_FREE = [
    "Shri {n} paid the arrears at the counter",
    "Smt. {n} requested a new water connection",
    "Complaint from {n} about low pressure in the morning",
    "Meter replaced at the house of {n}",
    "{n} ne shikayat ki ki paani nahi aa raha",
    "Owner {n} was not available during inspection",
    "Name changed from {n} to {m} after sale deed",
    "Applicant {n} submitted documents at the ward office",
    "Mutation done in favour of {n}",
    "Spoke to {n} regarding pending dues",
    "Late Shri {n} - pension to be stopped",
    "{n} S/O {m} resides at the premises",
    "Notice served on {n}, reply awaited",
    "Grievance filed by {n} on the portal",
    "Water supply restored, confirmed by {n}",
    "Dr. {n} objected to the assessment",
    "PAID BY {N} VIDE CHEQUE NO 123456",
    "{n} visited the ward office today",
    "meter of {l} found faulty",
]
DECOYS = [
    "Ward 7 demand raised for the second half",
    "DOC_VERIFIER approved the file",
    "FIELD_INSPECTOR visited, meter found faulty",
    "Old Age Pension sanctioned by the Social Welfare Department",
    "Junior Engineer inspected the pipeline near the main road",
    "Swachh Bharat Mission survey completed in the ward",
    "Pradhan Mantri Awas Yojana installment released",
    "Gorakhpur Nagar Nigam receipt issued at the counter",
    "Connection disconnected due to non payment",
    "Assessment revised as per the Municipal Commissioner order",
    "Road cutting charges collected by the Public Works Department",
    "Executive Officer forwarded the file to the Revenue Section",
    "पानी का बिल जमा किया गया",
    "शिकायत दर्ज की गई, मीटर बदला गया",
    "वार्ड कार्यालय में दस्तावेज़ जमा",
    # Clause heads of two or three words that are no name, in each script ("meter faulty -
    # complaint", "no water - complaint", "road broken - complaint").
    "मीटर खराब - शिकायत",
    "नाली जाम - शिकायत",
    "बिल गलत है - शिकायत",
    "জল নেই - অভিযোগ",
    "মিটার খারাপ - অভিযোগ",
    "রাস্তা ভাঙা - অভিযোগ",
    "ਪਾਣੀ ਨਹੀਂ ਆ ਰਿਹਾ - ਸ਼ਿਕਾਇਤ",
    "ਮੀਟਰ ਖਰਾਬ - ਸ਼ਿਕਾਇਤ",
    "ਸੜਕ ਟੁੱਟੀ - ਸ਼ਿਕਾਇਤ",
    "પાણી નથી આવતું - ફરિયાદ",
    "મીટર ખરાબ - ફરિયાદ",
    "રસ્તો તૂટેલો - ફરિયાદ",
    "ପାଣି ଆସୁନାହିଁ - ଅଭିଯୋଗ",
    "ମିଟର ଖରାପ - ଅଭିଯୋଗ",
    "ରାସ୍ତା ଭାଙ୍ଗିଛି - ଅଭିଯୋଗ",
    "தண்ணீர் வரவில்லை - புகார்",
    "மீட்டர் பழுது - புகார்",
    "சாலை சேதம் - புகார்",
    "నీటి సరఫరా లేదు - ఫిర్యాదు",
    "మీటర్ పాడైంది - ఫిర్యాదు",
    "రోడ్డు దెబ్బతిన్నది - ఫిర్యాదు",
    "ನೀರು ಬರುತ್ತಿಲ್ಲ - ದೂರು",
    "ಮೀಟರ್ ಹಾಳಾಗಿದೆ - ದೂರು",
    "ರಸ್ತೆ ಹಾಳಾಗಿದೆ - ದೂರು",
    "വെള്ളം വരുന്നില്ല - പരാതി",
    "മീറ്റർ കേടായി - പരാതി",
    "റോഡ് തകർന്നു - പരാതി",
]
# Indic free text: (script, template); {h} an honorific of that script.
COMPLAINT = {
    "devanagari": "शिकायत", "bengali": "অভিযোগ", "gurmukhi": "ਸ਼ਿਕਾਇਤ", "gujarati": "ફરિયાદ",
    "odia": "ଅଭିଯୋଗ", "tamil": "புகார்", "telugu": "ఫిర్యాదు", "kannada": "ದೂರು", "malayalam": "പരാതി",
}
HONORIFIC = {
    "devanagari": "श्री", "bengali": "শ্রী", "gurmukhi": "ਸ਼੍ਰੀ", "gujarati": "શ્રી", "odia": "ଶ୍ରୀ",
    "tamil": "திரு", "telugu": "శ్రీ", "kannada": "ಶ್ರೀ", "malayalam": "ശ്രീ",
}
INDIC_FREE_ANY = [
    "{h} {n} - {c}",
    "{c}: {h} {n}",
    "Complaint by {h} {n}, meter faulty",
    "Owner: {n}, {c}",
    "Applicant {n} visited the office",
    "{n} - {c}",
]
INDIC_FREE_HI = [
    "{n} ने शिकायत की कि पानी नहीं आ रहा",
    "आवेदक {n} का आवेदन प्राप्त हुआ",
    "मालिक {n} घर पर नहीं मिले",
    "श्रीमती {n} द्वारा बिल जमा किया गया",
    "{n} पुत्र {m} के नाम नामांतरण",
    "{n} जी से बात हुई",
    "{n} का मकान बंद मिला",
]
LATIN_COLUMN = [
    "{g} {s}", "{G} {S}", "{g0}. {s}", "Shri {g} {s}", "Smt. {g} {s}", "Late Shri {g} {s}",
    "{g} {s} W/O {m}", "{g} {s} S/O {m}", "{g} {s} & {m}", "{G} {S}#FATHER {M}",
]


HONORIFICS = set(open(os.path.join(ROOT, "rules", "dict", "honorifics.txt"), encoding="utf-8").read().split())


def load_latin():
    # Honorifics that the source lists carry as given names ("sri") are not names.
    given = [l.strip() for l in open(os.path.join(NAMES, "heldout_given_names.txt")) if l.strip() and l.strip() not in HONORIFICS]
    surnames = [l.strip() for l in open(os.path.join(NAMES, "heldout_surnames.txt")) if l.strip()]
    return given, surnames


def load_indic():
    by_script = {}
    for label in ("given_names", "surnames"):
        for line in open(os.path.join(NAMES, "heldout_%s_indic.tsv" % label), encoding="utf-8"):
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3 and parts[2] not in HONORIFICS:
                by_script.setdefault(parts[0], {}).setdefault(label, []).append(parts[1])
    return by_script


def words(s):
    return re.findall(r"[\w\u0900-\u0DFF\u200c\u200d]+", s)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--parda", default=os.environ.get("PARDA", "parda"))
    ap.add_argument("--rows", type=int, default=400, help="rows per group")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json")
    ap.add_argument("--keep")
    ap.add_argument("--misses", action="store_true", help="print the cells whose name survived")
    ap.add_argument("--all-names", action="store_true",
                    help="keep the held-out names in the dictionaries (what users get) instead of leaving them out")
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    given, surnames = load_latin()
    indic = load_indic()
    scripts = sorted(s for s in indic if len(indic[s].get("given_names", [])) and len(indic[s].get("surnames", [])))
    cap = lambda w: w[:1].upper() + w[1:]

    def latin_name():
        return "%s %s" % (cap(rnd.choice(given)), cap(rnd.choice(surnames)))

    rows = []  # (group, remarks, owner, [name strings planted])
    for _ in range(a.rows):
        n, m = latin_name(), latin_name()
        t = rnd.choice(LATIN_FREE)
        text = t.format(n=n, m=m, N=n.upper(), l=n.lower())
        planted = [n.upper() if "{N}" in t else n.lower() if "{l}" in t else n] + ([m] if "{m}" in t else [])
        rows.append(("free text, Latin", text, "", planted))
    for _ in range(a.rows):
        sc = rnd.choice(scripts)
        pick = lambda: "%s %s" % (rnd.choice(indic[sc]["given_names"]), rnd.choice(indic[sc]["surnames"]))
        n, m = pick(), pick()
        pool = INDIC_FREE_ANY + (INDIC_FREE_HI if sc == "devanagari" else [])
        t = rnd.choice(pool)
        text = t.format(n=n, m=m, h=HONORIFIC[sc], c=COMPLAINT[sc])
        rows.append(("free text, Indic", text, "", [n] + ([m] if "{m}" in t else [])))
    for _ in range(a.rows):
        g, s, m = rnd.choice(given), rnd.choice(surnames), latin_name()
        t = rnd.choice(LATIN_COLUMN)
        cell = t.format(g=cap(g), s=cap(s), G=g.upper(), S=s.upper(), g0=g[0].upper(), m=m, M=m.upper())
        planted = [x for x in (cap(g) if "{g0}" not in t else "", cap(s), m if "{m}" in t or "{M}" in t else "") if x]
        rows.append(("name column, Latin", rnd.choice(DECOYS[:12]), cell, planted))
    for _ in range(a.rows):
        sc = rnd.choice(scripts)
        n = "%s %s" % (rnd.choice(indic[sc]["given_names"]), rnd.choice(indic[sc]["surnames"]))
        cell = rnd.choice(["{n}", "{h} {n}", "{n}"]).format(n=n, h=HONORIFIC[sc])
        rows.append(("name column, Indic", rnd.choice(DECOYS), cell, [n]))
    for _ in range(a.rows):
        rows.append(("decoys", rnd.choice(DECOYS), "", []))
    rnd.shuffle(rows)

    tmp = a.keep or tempfile.mkdtemp()
    os.makedirs(tmp, exist_ok=True)
    src = os.path.join(tmp, "names_eval.csv")
    with open(src, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Application No", "Owner Name", "Ward", "Remarks"])
        for i, (_, remarks, owner, _) in enumerate(rows):
            w.writerow(["APP-%05d" % i, owner, "Ward %d" % (i % 20 + 1), remarks])
    out = os.path.join(tmp, "out")
    # The dictionaries hold every name; the held-out part is left out of them for this run.
    without = []
    for f in sorted(os.listdir(NAMES)):
        if f.startswith("heldout_"):
            without += ["--without-names", os.path.join(NAMES, f)]
    subprocess.run([a.parda, "mask", "-q", "--force", *([] if a.all_names else without), "--out", out, src], check=True)
    with open(os.path.join(out, "names_eval.csv"), newline="", encoding="utf-8") as f:
        masked = list(csv.reader(f))[1:]
    assert len(masked) == len(rows), "rows in != rows out"

    stats = {}
    for (group, remarks, owner, planted), out_row in zip(rows, masked):
        st = stats.setdefault(group, {"rows": 0, "names": 0, "masked": 0, "filler": 0, "filler_changed": 0})
        st["rows"] += 1
        column = group.startswith("name column")
        cell_in, cell_out = (owner, out_row[1]) if column else (remarks, out_row[3])
        out_words = set(words(cell_out))
        name_words = set()
        for name in planted:
            st["names"] += 1
            ws = words(name)
            name_words |= set(ws)
            if not any(w in out_words for w in ws):
                st["masked"] += 1
            elif a.misses:
                print("miss (%s): %s -> %s" % (group, cell_in, cell_out), file=sys.stderr)
        # Non-PII words: the remark's words that are not part of a planted name (for name-column
        # rows, the decoy remark beside it).
        decoy_in = remarks
        decoy_out = out_row[3]
        dw = [w for w in words(decoy_in) if w not in name_words]
        dout = set(words(decoy_out))
        st["filler"] += len(dw)
        st["filler_changed"] += sum(1 for w in dw if w not in dout)
        st["filler"] += 1
        st["filler_changed"] += out_row[2] != "Ward %d" % (int(out_row[0][4:]) % 20 + 1)
    result = {}
    print("| group | rows | names planted | recall | non-PII words changed |")
    print("|---|---|---|---|---|")
    for group in ("free text, Latin", "free text, Indic", "name column, Latin", "name column, Indic", "decoys"):
        st = stats[group]
        recall = st["masked"] / st["names"] if st["names"] else None
        damage = st["filler_changed"] / st["filler"] if st["filler"] else 0.0
        result[group] = {"recall": recall, "damage": damage, **st}
        print("| %s | %d | %d | %s | %.2f%% (%d of %d) |" % (
            group, st["rows"], st["names"], "-" if recall is None else "%.1f%%" % (100 * recall),
            100 * damage, st["filler_changed"], st["filler"]))
    if a.json:
        json.dump(result, open(a.json, "w"), indent=1)


if __name__ == "__main__":
    main()
