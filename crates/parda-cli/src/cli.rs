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
    /// Work with detection rules.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Work with policies.
    #[command(subcommand)]
    Policy(PolicyCommand),
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
    /// Realistic, valid, consistent fakes for test environments (not available yet).
    Uat,
    /// Reversible format-preserving tokens, with an audit log (not available yet).
    Migration,
    /// Generalised values and aggregate-only exports (not available yet).
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
    /// What kind of copy to make.
    #[arg(long, value_enum, default_value_t = Profile::Mask)]
    pub profile: Profile,
    /// Overwrite outputs that already exist.
    #[arg(long)]
    pub force: bool,
}

/// `parda verify`.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    #[command(flatten)]
    pub input: InputArgs,
}
