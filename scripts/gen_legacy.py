#!/usr/bin/env python3
"""Generates realistic legacy municipal CSV files with ground truth, for parda's tests and benchmarks.

Every value is invented. The shapes follow ../shared/LEGACY_DATA.md: owner and father/husband
names with honorifics and initials, mobiles in every format, Aadhaar with valid Verhoeff digits
(and 12-digit transaction ids that fail it), PAN, GSTIN, voter ids, emails, dates of birth in
many formats, addresses, placeholders (NA, -, Nil), amounts in Indian style, receipt numbers,
assessment years, and remarks mixing English, Hinglish and Devanagari.

Usage:
  gen_legacy.py --rows 1000 --out owners.csv --truth owners.truth.json [--seed 7]
                [--format csv|mysql|postgres|postgres-inserts]
                [--delimiter , ; tab |] [--encoding utf-8|utf-8-sig|cp1252|utf-16] [--crlf]
                [--title] [--gzip] [--no-pii]

The truth file lists, per data row (0-based) and column name, the PII values that must not
survive in the masked output, and the columns that hold no PII and must come out unchanged.
"""
import argparse, gzip, io, json, os, random, sys

GIVEN = ["Ramesh", "Suresh", "Mahesh", "Sunita", "Anita", "Priya", "Rajesh", "Mohan", "Sita", "Gita", "Arjun",
         "Vikram", "Pooja", "Neha", "Amit", "Sanjay", "Kavita", "Lakshmi", "Venkatesh", "Srinivas", "Abdul",
         "Irfan", "Fatima", "Harpreet", "Gurpreet", "Manoj", "Deepak", "Rekha", "Usha", "Kiran", "Ravi",
         "Anil", "Sunil", "Meena", "Geeta", "Ashok", "Prakash", "Shankar", "Bhavna", "Nirmala"]
SURNAME = ["Kumar", "Sharma", "Verma", "Gupta", "Singh", "Yadav", "Patel", "Reddy", "Naidu", "Iyer", "Nair",
           "Das", "Ghosh", "Khan", "Ansari", "Mishra", "Tiwari", "Pandey", "Chauhan", "Jain", "Rao", "Pillai",
           "Devi", "Kaur", "Mehta", "Joshi", "Saxena", "Srivastava", "Chaudhary", "Thakur"]
GIVEN_HI = ["रमेश", "सुरेश", "सुनीता", "अनीता", "मोहन", "सीता", "राजेश", "पूजा", "अमित", "कविता", "अनोखी", "बलदेव", "चमेली", "धर्मपाल"]
SURNAME_HI = ["कुमार", "शर्मा", "वर्मा", "गुप्ता", "सिंह", "यादव", "देवी", "मिश्रा", "चौरसिया", "बघेल"]
# Names and honorifics in other scripts: (honorific, [names])
OTHER_SCRIPTS = [
    ("திரு", ["முருகன் செல்வம்", "அருள் குமார்", "சரவணன் ராஜா"]),
    ("శ్రీ", ["వెంకట రమణ", "శ్రీనివాస రావు", "లక్ష్మి నారాయణ"]),
    ("শ্রী", ["সুমন ঘোষ", "অমিত দাস", "রতন মিত্র"]),
    ("ਸ਼੍ਰੀ", ["ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ", "ਹਰਜੀਤ ਕੌਰ"]),
    ("શ્રી", ["કિરણ પટેલ", "મહેશ શાહ"]),
    ("ಶ್ರೀ", ["ಮಂಜುನಾಥ ಗೌಡ", "ರವಿ ಕುಮಾರ"]),
    ("ശ്രീ", ["രാജൻ പിള്ള", "സുരേഷ് നായർ"]),
    ("ଶ୍ରୀ", ["ପ୍ରଦୀପ ସାହୁ", "ସୁଶାନ୍ତ ଦାସ"]),
]
HONORIFIC = ["Shri", "Smt.", "Sri", "Mr.", "Mrs.", "Dr.", "Late Shri", "Kumari", "Mohd."]
RELATION = ["S/O", "D/O", "W/O", "C/O"]
STREETS = ["Gali No. 4", "MG Road", "Station Road", "Nehru Nagar", "Gandhi Colony", "Civil Lines", "Sai Residency",
           "Shastri Nagar", "Rajendra Nagar", "Mohalla Qazi"]
CITIES = [("Gorakhpur", "273001"), ("Lucknow", "226001"), ("Kanpur", "208001"), ("Patna", "800001"),
          ("Jaipur", "302001"), ("Indore", "452001"), ("Nagpur", "440001"), ("Guntur", "522001")]
WARDS = ["Ward 1", "Ward 7", "Ward 12", "Ward 23"]
USAGE = ["RESIDENTIAL", "COMMERCIAL", "MIXED", "INDUSTRIAL"]
STATUS = ["PAID", "PENDING", "PARTIAL", "DOC_VERIFIER", "FIELD_INSPECTOR"]
PLACEHOLDERS = ["NA", "N A", "N.A", "-", "--", "Nil", "nil", "NIl", "..", "", "NA "]

V_D = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],[4,0,1,2,3,9,5,6,7,8],
       [5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],[8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
V_P = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],
       [9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
V_INV = [0,4,3,2,1,5,6,7,8,9]

def verhoeff_digit(num):
    c = 0
    for i, ch in enumerate(reversed(num)):
        c = V_D[c][V_P[(i + 1) % 8][int(ch)]]
    return str(V_INV[c])

def verhoeff_ok(num):
    c = 0
    for i, ch in enumerate(reversed(num)):
        c = V_D[c][V_P[i % 8][int(ch)]]
    return c == 0

B36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
def gstin_check(s14):
    f, t = 2, 0
    for ch in reversed(s14):
        a = f * B36.index(ch); f = 1 if f == 2 else 2; t += a // 36 + a % 36
    return B36[(36 - t % 36) % 36]

class Gen:
    def __init__(self, seed, heldout=None):
        self.r = random.Random(seed)
        self.free_given, self.free_surnames = GIVEN, SURNAME
        if heldout:
            # Held-out names that are also English words (`Harry`, `More`) are left out: without
            # a dictionary nothing tells them from the words, and `scripts/eval_names.py`
            # measures names never seen on their own.
            english = set(w.strip() for w in open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rules", "dict", "english_words.txt")))
            read = lambda f: [w.strip().title() for w in open(f, encoding="utf-8") if w.strip() and w.strip() not in english]
            self.free_given = read(heldout + "/heldout_given_names.txt")
            self.free_surnames = read(heldout + "/heldout_surnames.txt")

    def free_name(self):
        """A name for free text: from the held-out lists when given (names parda has not seen)."""
        return "%s %s" % (self.pick(self.free_given), self.pick(self.free_surnames))

    def pick(self, xs):
        return self.r.choice(xs)

    def mobile_digits(self):
        while True:
            d = str(self.r.randint(6, 9)) + "".join(str(self.r.randint(0, 9)) for _ in range(9))
            if len(set(d)) > 1:
                return d

    def mobile(self):
        d = self.mobile_digits()
        fmt = self.r.randint(0, 7)
        return [d, "+91 %s %s" % (d[:5], d[5:]), "+91-" + d, "0" + d, "91" + d, "%s-%s" % (d[:5], d[5:]),
                "(+91) " + d, "+91" + d][fmt]

    def aadhaar(self):
        base = str(self.r.randint(2, 9)) + "".join(str(self.r.randint(0, 9)) for _ in range(10))
        a = base + verhoeff_digit(base)
        fmt = self.r.randint(0, 2)
        return [a, "%s %s %s" % (a[:4], a[4:8], a[8:]), "%s-%s-%s" % (a[:4], a[4:8], a[8:])][fmt]

    def txn_id(self):
        while True:
            t = str(self.r.randint(2, 9)) + "".join(str(self.r.randint(0, 9)) for _ in range(11))
            if not verhoeff_ok(t):
                return t

    def pan(self, holder="P"):
        L = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        p = "".join(self.pick(L) for _ in range(3)) + holder + self.pick(L) + "%04d" % self.r.randint(1, 9999) + self.pick(L)
        return p.lower() if self.r.random() < 0.1 else p

    def gstin(self):
        s14 = "%02d" % self.r.randint(1, 37) + self.pan(self.pick("CFP")).upper() + str(self.r.randint(1, 9)) + "Z"
        return s14 + gstin_check(s14)

    def name(self, hindi=False):
        if hindi:
            return "%s %s" % (self.pick(GIVEN_HI), self.pick(SURNAME_HI))
        g, s = self.pick(GIVEN), self.pick(SURNAME)
        style = self.r.randint(0, 6)
        if style == 0:
            return "%s %s" % (g.upper(), s.upper())
        if style == 1:
            return "%s. %s. %s" % (g[0], self.pick(GIVEN)[0], s)
        if style == 2:
            return "%s %s %s" % (self.pick(HONORIFIC), g, s)
        return "%s %s" % (g, s)

    def dob(self):
        y, m, d = self.r.randint(1940, 2005), self.r.randint(1, 12), self.r.randint(1, 28)
        mon = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1]
        return self.pick(["%02d/%02d/%04d" % (d, m, y), "%02d-%02d-%02d" % (d, m, y % 100), "%04d-%02d-%02d" % (y, m, d),
                          "%d %s %d" % (d, mon, y), "%02d.%02d.%04d" % (d, m, y)])

    def address(self):
        city, pin = self.pick(CITIES)
        hno = self.pick(["H.No. %d-%d-%d" % (self.r.randint(1, 20), self.r.randint(1, 9), self.r.randint(100, 999)),
                         "Flat %d" % self.r.randint(101, 904), "Plot %d" % self.r.randint(1, 300), "Door No. %d" % self.r.randint(1, 99)])
        sep = self.pick([", ", ",\n"])
        return "%s%s%s%sNear Hanuman Mandir, %s - %s" % (hno, sep, self.pick(STREETS), sep, city, pin)

    def email(self, name):
        user = name.lower().replace(".", "").replace(" ", self.pick([".", "_", ""]))
        user = "".join(ch for ch in user if ch.isascii() and (ch.isalnum() or ch in "._")) or "user"
        return "%s%d@%s" % (user, self.r.randint(1, 99), self.pick(["gmail.com", "yahoo.co.in", "rediffmail.com", "nic.in"]))

    def amount(self):
        v = self.r.randint(100, 900000)
        return self.pick(["%d.00" % v, "Rs. {:,}".format(v).replace(",", ","), str(v)])

    def maybe(self, value, p=0.12):
        return self.pick(PLACEHOLDERS) if self.r.random() < p else value

COLUMNS = ["S.No", "Owner Name", "F/H Name", "Mobile No", "Aadhar No", "PAN No", "Email", "DOB", "Address",
           "Ward", "Usage", "Plot Area", "Tax Amount", "Assessment Year", "Receipt No", "Txn Id", "Status", "Remarks"]
PII_COLUMNS = {"Owner Name": "name", "F/H Name": "name", "Mobile No": "mobile", "Aadhar No": "aadhaar", "PAN No": "pan",
               "Email": "email", "DOB": "dob", "Address": "address"}

def row(g, i, no_pii, latin_only=False):
    owner = g.name(hindi=not latin_only and g.r.random() < 0.08)
    father = "%s %s" % (g.pick(RELATION), g.name()) if g.r.random() < 0.3 else g.name()
    cells = {
        "S.No": str(i + 1), "Owner Name": owner, "F/H Name": father, "Mobile No": g.maybe(g.mobile()),
        "Aadhar No": g.maybe(g.aadhaar(), 0.2), "PAN No": g.maybe(g.pan(), 0.3), "Email": g.maybe(g.email(owner), 0.4),
        "DOB": g.maybe(g.dob(), 0.2), "Address": g.address(), "Ward": g.pick(WARDS), "Usage": g.pick(USAGE),
        "Plot Area": "%d.%02d" % (g.r.randint(20, 900), g.r.randint(0, 99)), "Tax Amount": g.amount(),
        "Assessment Year": g.pick(["2021-22", "2022-23", "2023-24"]), "Receipt No": str(g.r.randint(1000000000, 9999999999)),
        "Txn Id": g.txn_id(), "Status": g.pick(STATUS),
    }
    pii = []
    kind = g.r.randint(0, 11)
    if kind == 0:
        m = g.mobile(); pii.append(("mobile", m))
        remark = "Owner mob %s, paid %s on receipt %s" % (m, g.amount(), cells["Receipt No"])
    elif kind == 1:
        a = g.aadhaar(); pii.append(("aadhaar", a))
        remark = "Aadhaar %s verified; txn %s" % (a, g.txn_id())
    elif kind == 2:
        m = g.mobile(); pii.append(("mobile", m))
        remark = ("Malik ka mobile %s, ward %s" if latin_only else "मालिक का मोबाइल %s, वार्ड %s") % (m, g.r.randint(1, 30))
    elif kind == 3:
        e = g.email(g.name()); pii.append(("email", e))
        remark = "Notice sent to %s for AY 2023-24" % e
    elif kind == 4:
        gst = g.gstin(); pii.append(("gstin", gst))
        remark = "Shop GSTIN %s, usage commercial" % gst
    elif kind == 6:
        a, b = g.free_name(), g.free_name(); pii += [("name", a), ("name", b)]
        remark = "Name changed from %s to %s as per court order" % (a, b)
    elif kind == 7:
        a, b, addr = g.free_name(), g.free_name(), g.address().replace(",\n", ", ")
        pii += [("name", a), ("name", b), ("address", addr)]
        remark = "Applicant %s %s %s %s requested new connection at %s" % (g.pick(["Shri", "Smt.", "Mr."]), a, g.pick(RELATION), b, addr)
    elif kind == 8:
        a, m = g.free_name(), g.mobile(); pii += [("name", a), ("mobile", m)]
        remark = "%s ne shikayat darj ki, ph %s" % (a, m)
    elif kind == 9 and not latin_only:
        a, b = g.name(hindi=True), g.name(hindi=True); pii += [("name", a), ("name", b)]
        remark = "आवेदक %s का आवेदन, पिता %s" % (a, b)
    elif kind == 10 and not latin_only:
        a = g.name(hindi=True); pii.append(("name", a))
        remark = "%s ने शिकायत की है" % a
    elif kind == 11 and not latin_only:
        hon, names = g.pick(OTHER_SCRIPTS); a = g.pick(names); pii.append(("name", a))
        remark = "%s %s, ward %d" % (hon, a, g.r.randint(1, 30))
    else:
        remark = "Demand raised, amount Rs. %s due" % "{:,}".format(g.r.randint(1000, 99999))
    cells["Remarks"] = remark
    truth = {}
    for col, ty in PII_COLUMNS.items():
        v = cells[col].strip()
        if v and v not in [p.strip() for p in PLACEHOLDERS]:
            truth[col] = [(ty, cells[col])]
    if pii:
        truth["Remarks"] = pii
    if no_pii:
        for col in PII_COLUMNS:
            cells[col] = "-"
        cells["Remarks"] = "Demand raised"
        truth = {}
    return [cells[c] for c in COLUMNS], truth

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", required=True)
    ap.add_argument("--truth")
    ap.add_argument("--delimiter", default=",")
    ap.add_argument("--encoding", default="utf-8")
    ap.add_argument("--crlf", action="store_true")
    ap.add_argument("--title", action="store_true", help="a title line and a blank line above the header")
    ap.add_argument("--gzip", action="store_true")
    ap.add_argument("--no-pii", action="store_true", help="replace every PII value by a placeholder")
    ap.add_argument("--format", default="csv", choices=["csv", "mysql", "postgres", "postgres-inserts"],
                    help="a CSV file, or a dump: mysqldump with extended INSERTs, pg_dump with COPY, or pg_dump --inserts")
    ap.add_argument("--heldout", help="folder with heldout_given_names.txt / heldout_surnames.txt: names in free text come from them")
    a = ap.parse_args()
    if a.format != "csv":
        return write_dump(a)
    delim = "\t" if a.delimiter == "tab" else a.delimiter
    eol = "\r\n" if a.crlf else "\n"
    g = Gen(a.seed, a.heldout)
    buf = io.StringIO()
    def write_row(values):
        out = []
        for v in values:
            if any(ch in v for ch in (delim, '"', "\n", "\r")):
                v = '"' + v.replace('"', '""') + '"'
            out.append(v)
        buf.write(delim.join(out) + eol)
    if a.title:
        buf.write("Property Tax Register - Municipal Corporation" + eol + eol)
    write_row(COLUMNS)
    truth_rows = []
    raw = open(a.out, "wb")
    sink = gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=1) if a.gzip else raw
    enc = a.encoding
    for i in range(a.rows):
        values, truth = row(g, i, a.no_pii, latin_only=(enc == "cp1252"))
        write_row(values)
        if a.truth:
            truth_rows.append(truth)
        if buf.tell() > 1 << 20:
            sink.write(buf.getvalue().encode(enc)); buf.seek(0); buf.truncate()
            enc = "utf-16-le" if a.encoding == "utf-16" else ("utf-8" if a.encoding == "utf-8-sig" else enc)
    sink.write(buf.getvalue().encode(enc))
    if a.gzip:
        sink.close()
    raw.close()
    if a.truth:
        non_pii = [c for c in COLUMNS if c not in PII_COLUMNS and c != "Remarks"]
        json.dump({"columns": COLUMNS, "non_pii_columns": non_pii, "title_lines": 2 if a.title else 0, "rows": truth_rows},
                  open(a.truth, "w", encoding="utf-8"), ensure_ascii=False)

SQL_COLUMNS = [("id", "int"), ("owner_name", "varchar(200)"), ("father_name", "varchar(200)"), ("mobile_no", "bigint"),
               ("aadhar_no", "varchar(20)"), ("pan_no", "varchar(20)"), ("email", "varchar(200)"), ("dob", "varchar(20)"),
               ("address", "text"), ("ward", "varchar(20)"), ("usage_type", "varchar(20)"), ("plot_area", "varchar(20)"),
               ("tax_amount", "varchar(30)"), ("assessment_year", "varchar(10)"), ("receipt_no", "bigint"), ("txn_id", "varchar(20)"),
               ("status", "varchar(30)"), ("remarks", "text")]

def write_dump(a):
    """A mysqldump or pg_dump of the same rows as the CSV (mobile and receipt as BIGINT)."""
    g = Gen(a.seed, a.heldout)
    mysql = a.format == "mysql"
    def lit(v, ty):
        if v.strip() in [p.strip() for p in PLACEHOLDERS] and ty == "bigint":
            return "NULL"
        if ty in ("int", "bigint"):
            return v
        if mysql:
            return "'" + v.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'"
        return "'" + v.replace("'", "''") + "'"
    def copy_field(v, ty):
        if v.strip() in [p.strip() for p in PLACEHOLDERS] and ty == "bigint":
            return "\\N"
        return v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
    out, truth_rows = [], []
    q = (lambda n: "`%s`" % n) if mysql else (lambda n: n)
    if mysql:
        out.append("-- MySQL dump 10.13  Distrib 8.0.28\n/*!40101 SET NAMES utf8mb4 */;\nDROP TABLE IF EXISTS `owners`;\n")
    else:
        out.append("--\n-- PostgreSQL database dump\n--\n\nSET client_encoding = 'UTF8';\nSET standard_conforming_strings = on;\n\n")
    cols = ",\n".join("  %s %s" % (q(n), t if mysql or t != "varchar(200)" else "varchar(200)") for n, t in SQL_COLUMNS)
    out.append("CREATE TABLE %s (\n%s,\n  PRIMARY KEY (%s)\n)%s;\n\n" % (q("owners"), cols, q("id"), " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4" if mysql else ""))
    rows = []
    for i in range(a.rows):
        values, truth = row(g, i, a.no_pii)
        # Mobiles stored as BIGINT: digits only.
        m = "".join(ch for ch in values[3] if ch.isdigit())
        values[3] = m[-10:] if len(m) >= 10 else values[3]
        if truth.get("Mobile No"):
            truth["Mobile No"] = [("mobile", values[3])]
        rows.append(values)
        truth_rows.append(truth)
    types = [t for _, t in SQL_COLUMNS]
    if mysql:
        out.append("LOCK TABLES `owners` WRITE;\n")
        for start in range(0, len(rows), 50):
            tuples = ",".join("(" + ",".join(lit(v, t) for v, t in zip(r, types)) + ")" for r in rows[start:start + 50])
            out.append("INSERT INTO `owners` VALUES %s;\n" % tuples)
        out.append("UNLOCK TABLES;\n")
    elif a.format == "postgres":
        out.append("COPY public.owners (%s) FROM stdin;\n" % ", ".join(n for n, _ in SQL_COLUMNS))
        for r in rows:
            out.append("\t".join(copy_field(v, t) for v, t in zip(r, types)) + "\n")
        out.append("\\.\n\n")
    else:
        for r in rows:
            out.append("INSERT INTO public.owners (%s) VALUES (%s);\n" % (", ".join(n for n, _ in SQL_COLUMNS), ", ".join(lit(v, t) for v, t in zip(r, types))))
    out.append("-- Dump completed\n")
    data = "".join(out).encode("utf-8")
    open(a.out, "wb").write(gzip.compress(data, compresslevel=1) if a.gzip else data)
    if a.truth:
        json.dump({"columns": [n for n, _ in SQL_COLUMNS], "rows": truth_rows}, open(a.truth, "w", encoding="utf-8"), ensure_ascii=False)

if __name__ == "__main__":
    main()
