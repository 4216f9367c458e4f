#!/usr/bin/env python3
"""Writes the small hand-made fixtures under testdata/ (invented values only).

testdata/samples/  realistic legacy files in every dialect and encoding (the README's demo input)
testdata/dialects/ files without PII in every dialect, which must come out byte-identical
testdata/bad/      inputs that must fail with a clear message
Expected outputs under testdata/expected/ are produced by parda and reviewed by hand.
"""
import gzip, os

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "testdata")

def w(rel, data):
    path = os.path.join(ROOT, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)

# --- samples: PII in every place a legacy file puts it -------------------------------------
property_tax = (
    "Property Tax Register - Ward 7 (2023-24)\r\n"
    "\r\n"
    "S.No,Property ID,Owner Name,F/H Name,Mobile No,Aadhar No,PAN,Address,Tax Amount,Assessment Year,Remarks\r\n"
    "1,PT-107-000123,Ramesh Kumar,S/O Mohan Lal,+91 98765 43210,2345 6789 0124,ABCPE1234F,\"H.No. 12-3-456, Gali No. 4, Ward 7, Gorakhpur - 273001\",523605.00,2023-24,\"Paid in full; owner mob 9123456789\"\r\n"
    "2,PT-107-000124,Smt. Sunita Devi,W/O Ramesh Kumar,NA,XXXX XXXX 0124,-,\"Flat 302, Sai Residency,\r\nMG Road, Lucknow - 226001\",\"Rs. 1,25,000\",2022-23,receipt 9876543210 issued\r\n"
    "3,PT-107-000125,R. K. Sharma,Late Shri Mohan Lal,09876543210,499118665246,abcpe1234f,Civil Lines,1500,2023-24,txn 234567890123 failed\r\n"
    "4,PT-107-000126,MOHD. IRFAN,S/O ABDUL KHAN,98765-43210,N.A,AAAHS1234K,\"Plot 44, Shastri Nagar\",0,2021-22,\"Notice sent to irfan.khan@example.com, GSTIN 27AAPFU0939F1ZV\"\r\n"
)
w("samples/property_tax.csv", property_tax.encode("utf-8"))

water = (
    "Consumer No;Consumer Name;Guardian;Contact;Connection Date;Meter No;Category;Remarks\n"
    "WC/2019/0456;José Fernandes;C/O Maria Fernandes;9812345678;12/04/2019;MTR-88812;Domestic;Café owner, pays by cheque\n"
    "WC/2019/0457;Anita Gupta;D/O Suresh Gupta;0522-4891386;03/05/2019;MTR-88813;Domestic;Nil\n"
    "WC/2020/0012;Prakash Rao;S/O Venkat Rao;+91-9000012345;15/01/2020;MTR-90001;Commercial;\"Disconnected; A/c 31234567890 closed\"\n"
)
w("samples/water_connections.csv", water.encode("cp1252"))

grievances = (
    "Complaint No\tDate\tCitizen Name\tMobile\tWard\tCategory\tDescription\n"
    "PGR-2023-0001\t2023-03-14\tरमेश कुमार\t9876501234\tWard 12\tStreetlight\tस्ट्रीट लाइट खराब है, संपर्क 9988776655\n"
    "PGR-2023-0002\t2023-03-15\tPriya Nair\t-\tWard 3\tGarbage\tGarbage not collected since 3 days, call me on 9123400000\n"
    "PGR-2023-0003\t2023-03-16\tGurpreet Kaur\t7012345678\tWard 7\tWater\tPipeline leak near house; DOB 14/03/1994 for records\n"
)
w("samples/grievances.tsv", b"\xef\xbb\xbf" + grievances.encode("utf-8"))

pensioners = (
    "pensioner_id|name|dob|bank_account|ifsc|scheme|monthly_amount\n"
    "OAP-0001|Lakshmi Iyer|14 Mar 1944|31234567890|SBIN0001234|Old Age Pension|1000\n"
    "OAP-0002|Abdul Ansari|01-07-40|000123456789|HDFC0000123|Widow Pension|1500\n"
    "OAP-0003|Kiran Das|1946-11-02|NA|NA|Old Age Pension|1000\n"
)
w("samples/pensioners.psv.gz", gzip.compress(pensioners.encode("utf-8"), mtime=0))

employees = (
    "Employee Code\tName\tEmail ID\tMobile Number\tDesignation\tDepartment\r\n"
    "EMP001\tVikram Singh\tvikram.singh@example.gov.in\t9811122233\tDOC_VERIFIER\tRevenue\r\n"
    "EMP002\tPooja Mehta\tpooja.m@example.gov.in\t+91 9822233344\tFIELD_INSPECTOR\tEngineering\r\n"
)
w("samples/employees_unicode.txt", b"\xff\xfe" + employees.encode("utf-16-le"))

mutations = (
    "Application No,Old Owner,New Owner Details,Relation,Ward,Remarks\n"
    "MUT/2023/001,Ramesh Kumar,\"RAMESH KUMAR / MOHAN LAL / 9876543210 # SUNITA DEVI W/O RAMESH KUMAR / 9123456789\",S/O Mohan Lal,Ward 7,Name changed from Ramesh Kumar to Sunita Devi as per court order\n"
    "MUT/2023/002,Anokhi Bantuwal,Smt. Chameli Baghel,W/O Dharampal Baghel,Ward 3,\"Shikayat: Anokhi ne mutation fee jama ki, ph 9000012345\"\n"
    "MUT/2023/003,रमेश कुमार,श्रीमती सुनीता देवी,पत्नी श्री रमेश कुमार,Ward 12,आवेदक रमेश कुमार का आवेदन स्वीकृत\n"
    "MUT/2023/004,Xyqor Pqrwal,Lmno Stuwal,D/O Pqrst Lmnwal,Ward 1,\"Inspected H.No. 12-3-456, Gali No. 4, Gorakhpur - 273001; Junior Engineer approved\"\n"
    "MUT/2023/005,Kiran Das,Old Age Pension Trust,C/O Gandhi Nagar Office,Ward 9,Old Age Pension scheme transfer approved by DOC_VERIFIER\n"
)
w("samples/mutations.csv", mutations.encode("utf-8"))

# Grievances in nine scripts' neighbourhood: Bengali, Tamil, Telugu, Gujarati, Gurmukhi and
# Devanagari complainants, guardians with relation words, a two-owner cell, Hinglish remarks,
# and non-PII that must survive (scheme names, role codes, places as places).
grievances_indic = (
    'Grievance ID,Complainant,Guardian,Ward,Category,Remarks\n'
    'GRV-2201,শ্রী রমেশ বন্দ্যোপাধ্যায়,পিতা শ্রী মোহন লাল,Ward 4,Water Supply,অভিযোগ: শ্রী রমেশ বন্দ্যোপাধ্যায় জানিয়েছেন যে জল আসছে না\n'
    'GRV-2202,திரு முருகன் செல்வம்,த/பெ திரு கண்ணன்,Ward 9,Street Light,புகார்: திரு முருகன் செல்வம் தெரு விளக்கு எரியவில்லை\n'
    'GRV-2203,శ్రీమతి లక్ష్మీ రెడ్డి,భర్త శ్రీ వెంకటేశ్ రెడ్డి,Ward 2,Drainage,ఫిర్యాదు: శ్రీమతి లక్ష్మీ రెడ్డి గారి ఇంటి ముందు డ్రైనేజీ\n'
    'GRV-2204,Kamla Devi & Rajesh Yadav,W/O Late Shri Mohan Yadav,Ward 11,Property Tax,Kamla ji ne bataya ki Rajesh Yadav ke naam par bill aa raha hai\n'
    'GRV-2205,શ્રી ભાવેશ પટેલ,પિતા શ્રી ગોવિંદ પટેલ,Ward 6,Water Supply,ફરિયાદ: શ્રી ભાવેશ પટેલ નળ કનેક્શન\n'
    'GRV-2206,Sunita Verma,D/O Ram Prasad Verma,Ward 1,Pension,Old Age Pension sanctioned; FIELD_INSPECTOR verified at Gandhi Nagar\n'
    'GRV-2207,श्री अनिल कुमार शर्मा,पुत्र श्री राम प्रसाद शर्मा,Ward 8,Sanitation,शिकायतकर्ता अनिल कुमार शर्मा ने बताया कि कचरा नहीं उठाया गया\n'
    'GRV-2208,ਸ਼੍ਰੀ ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ,ਪਿਤਾ ਸ਼੍ਰੀ ਹਰਜੀਤ ਸਿੰਘ,Ward 3,Roads,Complaint by ਸ਼੍ਰੀ ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ about potholes; Swachh Bharat survey pending\n'
    # Names with no marker in a clerk's spelling (रमेष, पान्डेय; Telugu ఠాకూర్), places named
    # after people, and clause heads that are no name.
    'GRV-2209,रमेष पान्डेय,पिता सुरेष पान्डेय,Ward 5,Water Supply,"रमेष पान्डेय - नल से पानी नहीं आ रहा, राजीव आवास योजना का मकान"\n'
    'GRV-2210,శ్రీ రమేష్ ఠాకూర్,తండ్రి శ్రీ సురేష్ ఠాకూర్,Ward 7,Water Supply,రమేష్ ఠాకూర్ - నీటి సరఫరా లేదు\n'
    'GRV-2211,श्रीमती सुनीता देवी,पति श्री मोहन लाल,Ward 2,Encroachment,मीटर खराब - शिकायत। गांधी चौक पर अतिक्रमण\n'
)
w("samples/grievances_indic.csv", grievances_indic.encode("utf-8"))

# --- dialects: no PII, must be byte-identical -----------------------------------------------
rows = [["Ward", "Category", "Count", "Amount", "Note"],
        ["Ward 7", "Residential", "120", "1,25,000.00", "ok"],
        ["Ward 12", "Commercial", "14", "523605.00", "has \"quotes\", and, commas"],
        ["Ward 3", "Mixed", "3", "0", "line one\nline two"]]
def render(rows, delim, eol, quote_all=False):
    out = []
    for r in rows:
        cells = []
        for v in r:
            if quote_all or any(c in v for c in (delim, '"', "\n", "\r")):
                v = '"' + v.replace('"', '""') + '"'
            cells.append(v)
        out.append(delim.join(cells))
    return eol.join(out) + eol

w("dialects/comma_lf.csv", render(rows, ",", "\n").encode())
w("dialects/comma_crlf_quoted.csv", render(rows, ",", "\r\n", quote_all=True).encode())
w("dialects/semicolon.csv", render(rows, ";", "\n").encode())
w("dialects/tab.tsv", render(rows, "\t", "\r\n").encode())
w("dialects/pipe.psv", render(rows, "|", "\n").encode())
w("dialects/bom.csv", b"\xef\xbb\xbf" + render(rows, ",", "\r\n").encode())
w("dialects/cp1252.csv", render(rows + [["Ward 9", "Café", "2", "€ 40", "naïve"]], ",", "\r\n").encode("cp1252"))
w("dialects/utf16le.txt", b"\xff\xfe" + render(rows, "\t", "\r\n").encode("utf-16-le"))
w("dialects/utf16be.txt", b"\xfe\xff" + render(rows, "\t", "\r\n").encode("utf-16-be"))
w("dialects/mixed_endings_no_final_newline.csv", b"Ward,Count\r\nWard 1,3\nWard 2,4\r\nWard 3,5")
w("dialects/title_and_blank_lines.csv", ("Municipal Corporation of Gorakhpur\n\n,,\n" + render(rows, ",", "\n")).encode())
w("dialects/duplicate_headers.csv", b"Ward,Amount,Amount,Note\nWard 1,10,20,x\nWard 2,30,40,y\n")
w("dialects/compressed.csv.gz", gzip.compress(render(rows, ",", "\n").encode(), mtime=0))

# --- ragged rows ------------------------------------------------------------------------------
w("ragged/ragged.csv", (
    "Name,Mobile,Ward,Amount\n"
    "Ramesh Kumar,9876543210,Ward 7,100\n"
    "Kumar, Ramesh,9123456789,Ward 7,200\n"
    "Sunita Devi,Ward 3\n"
    "Anil Verma,9000012345,Ward 1,300\n").encode())

# --- bad inputs -------------------------------------------------------------------------------
w("bad/not_csv.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
w("bad/unterminated_quote.csv", b"Name,Mobile\nRamesh,9876543210\n\"Sunita,9123456789\nAnil,9000012345\n")
w("bad/invalid_utf8.csv", b"Name,Note\nRamesh,ok\nSunita,caf\xe9\n")
