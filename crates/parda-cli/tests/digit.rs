//! `parda policy import-digit` on every DIGIT DataSecurity file in `testdata/digit/` (copied
//! from ../shared/realworld/digit-datasecurity/, MIT), and masking with an imported policy.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::{Path, PathBuf};

fn digit(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/digit").join(rel)
}

fn import(a: &str, b: &str, out: &Path) -> (String, String) {
    let o = Command::cargo_bin("parda")
        .unwrap()
        .args(["policy", "import-digit"])
        .arg(digit(a))
        .arg(digit(b))
        .arg("--out")
        .arg(out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    (std::fs::read_to_string(out).unwrap(), String::from_utf8(o.stdout).unwrap())
}

#[test]
fn restrictive_v2_policy_maps_defaults_and_roles() {
    let dir = tempfile::tempdir().unwrap();
    let (toml, stdout) = import(
        "digit-core-egov-user-tests/getSecurityMdmsForFilterResponse.json",
        "digit-core-egov-user-tests/getMaskingMdmsForFilterResponse.json",
        &dir.path().join("p.toml"),
    );
    assert!(stdout.contains("18 attribute(s), 5 role(s) imported"), "{stdout}");
    for line in [
        r#""aadhaarNumber" = { type = "aadhaar", action = "mask", pattern = "001" }"#,
        r#""accountNumber" = { type = "bank_account", action = "mask", pattern = "001" }"#,
        r#""accountHolderName" = { type = "name", action = "mask", pattern = "001" }"#,
        r#""mobileNumber" = { type = "mobile", action = "keep" }"#,
        "[roles.\"BILL_ACCOUNTANT\"]\nbank_account = \"plain\"\nname = \"plain\"",
        "[roles.\"GRO\"]\naddress = \"masked\"\nmobile = \"masked\"\nname = \"masked\"",
        "[roles.\"MUKTA_ADMIN\"]\naadhaar = \"plain\"",
    ] {
        assert!(toml.contains(line), "missing {line:?} in\n{toml}");
    }
}

#[test]
fn permissive_v2_seed_policy_lists_what_it_cannot_map() {
    let dir = tempfile::tempdir().unwrap();
    let (toml, stdout) = import(
        "ccrs-default-data-handler/DataSecurity.SecurityPolicy.json",
        "ccrs-default-data-handler/DataSecurity.MaskingPatterns.json",
        &dir.path().join("p.toml"),
    );
    assert!(toml.contains(r#""fatherOrHusbandName" = { type = "name", action = "keep" }"#), "{toml}");
    assert!(toml.contains(r#""correspondenceAddress" = { type = "address", action = "keep" }"#), "{toml}");
    assert!(stdout.contains("not mapped: WnSConnectionOwner.sample (sample): no parda PII type for it"), "{stdout}");
    assert!(toml.contains("# Not mapped:\n# - "), "unmapped attributes are listed in the policy too");
}

#[test]
fn v1_encryption_policy_and_abac_import() {
    let dir = tempfile::tempdir().unwrap();
    let (toml, _) = import(
        "digit-oss-enc-client-v1-tests/EncryptionPolicy.json",
        "digit-oss-enc-client-v1-tests/DecryptionABAC.json",
        &dir.path().join("a.toml"),
    );
    assert!(toml.contains(r#""mobileNumber" = { type = "mobile", action = "mask" }"#), "{toml}");
    assert!(toml.contains(r#""aadhaarNumber" = { type = "aadhaar", action = "mask" }"#), "{toml}");
    assert!(toml.contains("[roles.\"GRO\"]\nmobile = \"masked\"\nname = \"plain\""), "{toml}");
    let (toml, stdout) = import(
        "ccrs-default-data-handler/DataSecurity.EncryptionPolicy.json",
        "ccrs-default-data-handler/DataSecurity.DecryptionABAC.json",
        &dir.path().join("b.toml"),
    );
    assert!(toml.contains(r#""aadharno" = { type = "aadhaar", action = "mask" }"#), "{toml}");
    assert!(stdout.contains("not mapped: BndDetail.icdcode"), "{stdout}");
}

#[test]
fn imported_policy_masks_as_digit_says() {
    let dir = tempfile::tempdir().unwrap();
    let policy = dir.path().join("p.toml");
    import(
        "digit-core-egov-user-tests/getSecurityMdmsForFilterResponse.json",
        "digit-core-egov-user-tests/getMaskingMdmsForFilterResponse.json",
        &policy,
    );
    let input = dir.path().join("accounts.csv");
    std::fs::write(&input, "accountHolderName,accountNumber,aadhaarNumber,mobileNumber,ward\nRamesh Kumar,31234567890,234567890124,9876543210,Ward 7\n").unwrap();
    Command::cargo_bin("parda")
        .unwrap()
        .args(["mask", "-q", "--policy"])
        .arg(&policy)
        .arg("--out")
        .arg(dir.path().join("o"))
        .arg(&input)
        .assert()
        .success();
    // accountHolderName uses DIGIT's pattern 001 (last 4) as its policy says; mobileNumber is
    // PLAIN by default in this policy (only roles see it masked), so it is kept.
    assert_eq!(
        std::fs::read_to_string(dir.path().join("o/accounts.csv")).unwrap(),
        "accountHolderName,accountNumber,aadhaarNumber,mobileNumber,ward\n********umar,*******7890,********0124,9876543210,Ward 7\n"
    );
}

#[test]
fn a_file_that_is_not_a_digit_policy_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("x.json");
    std::fs::write(&bad, "[{\"hello\": 1}]").unwrap();
    Command::cargo_bin("parda")
        .unwrap()
        .args(["policy", "import-digit"])
        .arg(&bad)
        .arg(&bad)
        .arg("--out")
        .arg(dir.path().join("p.toml"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("x.json: neither file is a DIGIT SecurityPolicy"));
    assert!(!dir.path().join("p.toml").exists());
}

#[test]
fn imported_restrictive_policy_tokenizes_then_unmasks_by_role() {
    let dir = tempfile::tempdir().unwrap();
    let policy = dir.path().join("p.toml");
    import(
        "digit-core-egov-user-tests/getSecurityMdmsForFilterResponse.json",
        "digit-core-egov-user-tests/getMaskingMdmsForFilterResponse.json",
        &policy,
    );
    let input = dir.path().join("accounts.csv");
    let original = "accountHolderName,accountNumber,aadhaarNumber,mobileNumber,ward\n\
                    Ramesh Kumar,31234567890,234567890124,9876543210,Ward 7\n\
                    Smt. Sunita Devi,50100234567891,499118665246,+91 91234 56780,Ward 12\n";
    std::fs::write(&input, original).unwrap();
    let key = "11".repeat(32);
    let parda = || {
        let mut c = Command::cargo_bin("parda").unwrap();
        c.env("PARDA_KEY", &key).env_remove("PARDA_AUDIT_LOG");
        c
    };
    let masked = dir.path().join("m");
    parda()
        .args(["mask", "-q", "--profile", "migration", "--policy"])
        .arg(&policy)
        .arg("--out")
        .arg(&masked)
        .arg(&input)
        .assert()
        .success();
    let tokens = std::fs::read_to_string(masked.join("accounts.csv")).unwrap();
    for real in ["Ramesh", "Sunita", "31234567890", "234567890124", "9876543210", "91234 56780"] {
        assert!(!tokens.contains(real), "{real} survived:\n{tokens}");
    }
    let unmask = |role: &str, out: &str| {
        parda()
            .args(["unmask", "-q", "--purpose", "scheme payment audit", "--role", role, "--policy"])
            .arg(&policy)
            .arg("--out")
            .arg(dir.path().join(out))
            .arg(&masked)
            .assert()
    };
    // MUKTA_ADMIN may see Aadhaar, accounts and names plain; the mobile is PLAIN by default.
    unmask("MUKTA_ADMIN", "admin").success();
    assert_eq!(std::fs::read_to_string(dir.path().join("admin/accounts.csv")).unwrap(), original);
    // GRO's own rules say names and mobiles masked; Aadhaar and accounts follow the attributes'
    // defaults (masked with DIGIT's pattern 001).
    unmask("GRO", "gro").success();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("gro/accounts.csv")).unwrap(),
        "accountHolderName,accountNumber,aadhaarNumber,mobileNumber,ward\n\
         R***** K****,*******7890,********0124,******3210,Ward 7\n\
         S**. S***** D***,**********7891,********5246,***********6780,Ward 12\n"
    );
    // A role the policy does not know gets nothing, and the refusal is logged.
    unmask("CITIZEN", "citizen").code(2).stderr(predicate::str::contains("role `CITIZEN` has no rights"));
    assert!(!dir.path().join("citizen").exists());
    let log = std::fs::read_to_string(masked.join("parda-audit.jsonl")).unwrap();
    assert_eq!(log.lines().count(), 4);
    assert!(log.lines().last().unwrap().contains("\"refused\""));
}
