//! `parda rules check`: every rule's examples must be found, its negative examples must not.

use crate::matcher::{CellContext, Matcher};

/// An example that did not behave as its rule says.
#[derive(Debug, Clone)]
pub struct RuleCheckFailure {
    /// The rule's id.
    pub rule: String,
    /// The file the rule came from.
    pub source: String,
    /// The example text.
    pub example: String,
    /// True for a negative example that matched, false for an example that did not.
    pub negative: bool,
}

/// Runs every rule's examples; returns (examples run, failures). Also fails rules with fewer
/// than `min_examples` examples or negative examples.
pub fn check_rules(matcher: &Matcher, min_examples: usize) -> (usize, Vec<RuleCheckFailure>) {
    let mut failures = Vec::new();
    let mut run = 0;
    let mut out = Vec::new();
    for rule in &matcher.rule_set.rules {
        let ty = matcher.rule_set.type_index(&rule.pii_type);
        for (list, negative) in [(&rule.examples, false), (&rule.negative_examples, true)] {
            if list.len() < min_examples {
                failures.push(RuleCheckFailure {
                    rule: rule.id.clone(),
                    source: rule.source.clone(),
                    example: format!("<fewer than {min_examples} {}examples>", if negative { "negative " } else { "" }),
                    negative,
                });
            }
            for ex in list {
                run += 1;
                matcher.detect(ex, &CellContext::default(), &mut out);
                let hit = out.iter().any(|f| Some(f.type_idx) == ty);
                if hit == negative {
                    failures.push(RuleCheckFailure {
                        rule: rule.id.clone(),
                        source: rule.source.clone(),
                        example: ex.clone(),
                        negative,
                    });
                }
            }
        }
    }
    (run, failures)
}

#[cfg(test)]
mod tests {
    use super::*;
    use parda_rules::load_rules;

    #[test]
    fn builtin_rules_pass_their_examples() {
        let m = Matcher::new(load_rules(&[]).unwrap()).unwrap();
        let (run, failures) = check_rules(&m, 3);
        assert!(run > 100);
        assert!(failures.is_empty(), "{failures:#?}");
    }
}
