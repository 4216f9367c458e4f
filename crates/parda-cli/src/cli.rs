//! The command line, as clap types.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// parda finds personal data (PII) in legacy files and writes masked copies of them.
///
/// It reads CSV (any delimiter, encoding and line ending; gzip too), classifies every column
/// from its header and a sample of its values, finds identifiers in free text (mobile, Aadhaar,
/// PAN, GSTIN, voter ID, email, bank account...), and masks them the way DIGIT masks them.
/// Nothing else changes: a file without PII comes out byte-identical.
#[derive(Debug, Parser)]
#[command(name = "parda", version, max_term_width = 100)]
#[command(
    after_help = "Exit codes: 0 ok, 1 PII found (verify) or rows quarantined, 2 usage or input error.\n\nExamples:\n  parda scan exports/ --json findings.json\n  parda mask exports/ --out masked/\n  parda verify masked/"
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Find PII and print a summary per file and column; writes nothing but the reports asked for.
    #[command(after_help = "Example:\n  parda scan exports/ --json findings.json --html findings.html")]
    Scan(ScanArgs),
    /// Write masked copies of the inputs to --out, with parda-report.json and parda-report.html.
    #[command(
        after_help = "Example:\n  parda mask exports/ --out masked/\n  parda mask owners.csv.gz --out masked/ --policy policy.toml"
    )]
    Mask(MaskArgs),
    /// Exit 1 if any recognisable PII is left in the inputs (masked forms do not count).
    #[command(after_help = "Example:\n  parda mask exports/ --out masked/ && parda verify masked/")]
    Verify(VerifyArgs),
    /// Restore the tokens of files masked with --profile migration, as far as a role may see.
    ///
    /// Which role sees which PII type plain, masked or not at all comes from the policy's
    /// `[roles]` tables (DIGIT's role-based decryption; the most permissive of several roles
    /// wins). Needs the key the files were masked with; every run, and every refusal, is
    /// appended to the audit log.
    #[command(
        after_help = "Example:\n  PARDA_KEY=$(cat parda.key) parda unmask masked/ --out restored/ --policy policy.toml \\\n      --role GRO --purpose \"grievance 4512: verify owner contact\""
    )]
    Unmask(UnmaskArgs),
    /// Work with the audit log.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Cut the inputs into independent work units for many machines (Spark, a Kubernetes
    /// Indexed Job); writes a manifest, one unit per line.
    #[command(
        after_help = "Example:\n  parda plan dumps/ registers/ --unit-size 256M --out plan.jsonl\n  parda mask-units --manifest plan.jsonl --unit 0 --out masked/   # on any worker\n  parda merge plan.jsonl --out masked/"
    )]
    Plan(PlanArgs),
    /// Mask work units of a plan (--unit N, or unit ids on standard input); prints one JSON
    /// report line per unit.
    MaskUnits(MaskUnitsArgs),
    /// Join the unit outputs of a plan in order into the final files and one parda-report.json.
    Merge(MergeArgs),
    /// Counts and sums by group, nothing else: an aggregate-only export for archives, with
    /// groups under k rows suppressed (and more where the total would reveal them).
    ///
    /// Refuses to group by a column parda classifies as a direct identifier (name, mobile,
    /// Aadhaar, PAN, email...). Amounts like `Rs. 1,25,000` are summed as numbers; values that
    /// are not amounts are counted and reported, never summed as zero.
    #[command(
        after_help = "Examples:\n  parda aggregate property_tax.csv --by Ward,\"Usage Type\" --sum \"Tax Amount\" --out by_ward.csv\n  parda aggregate pensioners.csv --by DOB --generalize DOB=year --k 20 --out by_year.parquet\n  parda aggregate dump.sql#owners --by ward --out wards.csv"
    )]
    Aggregate(AggregateArgs),
    /// Work with detection rules.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Work with policies.
    #[command(subcommand)]
    Policy(PolicyCommand),
}

/// `parda plan`.
#[derive(Debug, Args)]
pub struct PlanArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// About how many bytes a unit covers (K, M, G suffixes).
    #[arg(long, value_name = "SIZE", default_value = "256M")]
    pub unit_size: String,
    /// The manifest to write (JSON lines).
    #[arg(long, value_name = "MANIFEST")]
    pub out: PathBuf,
    /// The profile the units will be masked with (the classification depends on the policy).
    #[arg(long, value_enum)]
    pub profile: Option<Profile>,
}

/// `parda mask-units`.
#[derive(Debug, Args)]
pub struct MaskUnitsArgs {
    /// The manifest written by `parda plan`.
    #[arg(long, value_name = "FILE")]
    pub manifest: PathBuf,
    /// The unit to mask; without it, unit ids are read from standard input, one per line.
    #[arg(long, value_name = "N")]
    pub unit: Option<usize>,
    /// The output folder (unit outputs wait in its .parda-units/ until `merge`).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// What kind of copy to make (as for `mask`).
    #[arg(long, value_enum)]
    pub profile: Option<Profile>,
    /// A policy file (TOML).
    #[arg(long, value_name = "FILE")]
    pub policy: Option<PathBuf>,
    #[command(flatten)]
    pub rules: RulesArgs,
    #[command(flatten)]
    pub key: KeyArgs,
    /// Worker threads per unit (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

/// `parda aggregate`.
#[derive(Debug, Args)]
pub struct AggregateArgs {
    /// CSV files, `DUMP.sql#table` or `BOOK.xlsx#Sheet`.
    #[arg(value_name = "INPUT", required = true)]
    pub inputs: Vec<String>,
    /// Grouping columns, comma-separated.
    #[arg(long, value_name = "COL[,COL...]", value_delimiter = ',', required = true)]
    pub by: Vec<String>,
    /// Columns to sum, comma-separated (a `<COL>_sum` column each).
    #[arg(long, value_name = "COL[,COL...]", value_delimiter = ',')]
    pub sum: Vec<String>,
    /// The smallest group published.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub k: u64,
    /// Coarsen a grouping column first: COL=year, COL=age-band, COL=prefix3 or COL=city.
    /// Repeatable.
    #[arg(long, value_name = "COL=KIND")]
    pub generalize: Vec<String>,
    /// The output: FILE.csv or FILE.parquet.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    #[command(flatten)]
    pub rules: RulesArgs,
}

/// `parda merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The manifest written by `parda plan`.
    pub manifest: PathBuf,
    /// The output folder given to `mask-units`.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
}

/// Audit log subcommands.
#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Check that no entry of an audit log was altered, removed or reordered; exit 1 if one was.
    ///
    /// With the key (PARDA_KEY or --key-file) the entries' MACs are checked too, which catches
    /// an edit even when the hash chain was recomputed.
    #[command(after_help = "Example:\n  parda audit verify masked/parda-audit.jsonl")]
    Verify(AuditVerifyArgs),
}

/// `parda audit verify`.
#[derive(Debug, Args)]
pub struct AuditVerifyArgs {
    /// The audit log (JSON lines).
    pub log: PathBuf,
    #[command(flatten)]
    pub key: KeyArgs,
}

/// Where the key comes from (never the command line itself).
#[derive(Debug, Args, Clone, Default)]
pub struct KeyArgs {
    /// Read the 256-bit key (64 hex digits or base64) from FILE instead of the PARDA_KEY
    /// environment variable.
    #[arg(long, value_name = "FILE")]
    pub key_file: Option<PathBuf>,
}

/// `parda unmask`.
#[derive(Debug, Args)]
pub struct UnmaskArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// The output folder for the restored copies.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// The role to unmask as (from the policy's `[roles]`); repeatable.
    #[arg(long, value_name = "ROLE", required = true)]
    pub role: Vec<String>,
    /// Why the data is unmasked (recorded in the audit log).
    #[arg(long, value_name = "TEXT", required = true)]
    pub purpose: String,
    #[command(flatten)]
    pub key: KeyArgs,
    /// The audit log to append to (default: $PARDA_AUDIT_LOG, else parda-audit.jsonl in the
    /// folder of the first input).
    #[arg(long, value_name = "FILE")]
    pub audit_log: Option<PathBuf>,
    /// Overwrite outputs that already exist.
    #[arg(long)]
    pub force: bool,
}

/// Policy subcommands.
#[derive(Debug, Subcommand)]
pub enum PolicyCommand {
    /// Turn DIGIT's MDMS DataSecurity configuration into a parda policy.
    ///
    /// Takes SecurityPolicy and MaskingPatterns (MDMS v2: bare arrays, MDMS search responses or
    /// mdms records), or EncryptionPolicy and DecryptionABAC (v1). Lists what it cannot map.
    #[command(
        after_help = "Example:\n  parda policy import-digit DataSecurity.SecurityPolicy.json DataSecurity.MaskingPatterns.json --out policy.toml"
    )]
    ImportDigit(ImportDigitArgs),
}

/// `parda policy import-digit`.
#[derive(Debug, Args)]
pub struct ImportDigitArgs {
    /// SecurityPolicy (or EncryptionPolicy) JSON.
    pub security_policy: PathBuf,
    /// MaskingPatterns (or DecryptionABAC) JSON.
    pub masking_patterns: PathBuf,
    /// Where to write the policy (TOML).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Overwrite the output if it exists.
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub rules: RulesArgs,
}

/// Rule subcommands.
#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Run every rule's examples and negative examples; exit 1 if any fails.
    #[command(after_help = "Example:\n  parda rules check --rules rules/examples")]
    Check(RulesArgs),
}

/// Options shared by commands that read rules.
#[derive(Debug, Args, Clone, Default)]
pub struct RulesArgs {
    /// A folder of extra rule packs (*.toml), added to the built-in rules. Repeatable.
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,
    /// Leaves the names listed in FILE out of the name dictionaries (one per line, or a TSV
    /// with the spelling in its second column). For measuring detection on names parda has
    /// never seen (`testdata/names/heldout_*`); it can only find less. Repeatable.
    #[arg(long = "without-names", value_name = "FILE", hide = true)]
    pub without_names: Vec<PathBuf>,
}

/// Options shared by commands that read inputs.
#[derive(Debug, Args, Clone)]
pub struct InputArgs {
    /// Files or folders (walked recursively for .csv .tsv .psv .txt .sql and their .gz, and .xlsx .xlsm .xls .xlsb .ods). `-` reads standard input (CSV).
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub rules: RulesArgs,
    /// A policy file (TOML): actions per PII type and per named column.
    #[arg(long, value_name = "FILE")]
    pub policy: Option<PathBuf>,
    /// The inputs' text encoding, when sniffing gets it wrong (utf-8, utf-8-bom, windows-1252, utf-16le, utf-16be).
    #[arg(long, value_name = "ENC")]
    pub encoding: Option<String>,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Print nothing but errors.
    #[arg(long, short)]
    pub quiet: bool,
}

/// `parda scan`.
#[derive(Debug, Args)]
pub struct ScanArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Also write the report as JSON to FILE.
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
    /// Also write the report as one self-contained HTML page to FILE.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
}

/// The masking profiles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Profile {
    /// Masked copies for display, the way DIGIT masks (the default).
    #[default]
    Mask,
    /// Realistic, valid, consistent fakes for test environments (needs a key).
    Uat,
    /// Reversible, format- and validity-preserving tokens, with an audit log (needs a key).
    Migration,
    /// Direct identifiers removed, quasi-identifiers generalised, k-anonymity reported.
    Archive,
}

/// `parda mask`.
#[derive(Debug, Args)]
pub struct MaskArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// The output folder: each input is written there under its relative path and name.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// What kind of copy to make (default: the policy's profile, else mask).
    #[arg(long, value_enum)]
    pub profile: Option<Profile>,
    #[command(flatten)]
    pub key: KeyArgs,
    /// The audit log keyed profiles append to (default: $PARDA_AUDIT_LOG, else
    /// parda-audit.jsonl in --out).
    #[arg(long, value_name = "FILE")]
    pub audit_log: Option<PathBuf>,
    /// Overwrite outputs that already exist.
    #[arg(long)]
    pub force: bool,
}

impl Profile {
    /// Its name.
    pub fn name(self) -> &'static str {
        match self {
            Profile::Mask => "mask",
            Profile::Uat => "uat",
            Profile::Migration => "migration",
            Profile::Archive => "archive",
        }
    }
}

/// `parda verify`.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    #[command(flatten)]
    pub input: InputArgs,
}
