//! Properties that hold for any input: `extract` never panics, and what it returns is
//! well formed — spans inside the text, on code-point boundaries, each entity's text
//! equal to its span, sorted and never overlapping.

use proptest::prelude::*;
use zhupi_core::{extract, Options};

/// Characters the rules care about, so that random text exercises them often.
const INTERESTING: &str = "工程行动模式计划学习教育河长制乡村振兴战略以工代赈五大举措项个意识0123456789０１２３４５６７８９.．,，%％一二三四五六七八九十百千万亿两零〇壹贰叁廿卅几数半多余来约近超逾第年月日号时点分个名人次元吨亩公里平方米期批成倍以上下左右内前后到至-—～~《》“”\"‘’「」、。；！？\n 　大届版季度初底春份以来之分之";

fn interesting_char() -> impl Strategy<Value = char> {
    let chars: Vec<char> = INTERESTING.chars().collect();
    prop::sample::select(chars)
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![4 => interesting_char(), 1 => any::<char>()],
        0..160,
    )
    .prop_map(|cs| cs.into_iter().collect())
}

fn check_well_formed(input: &str) -> Result<(), TestCaseError> {
    let chars: Vec<char> = input.chars().collect();
    let entities = extract(input, &Options::default());
    let mut last_end = 0;
    for e in &entities {
        prop_assert!(e.start < e.end, "empty span {e:?}");
        prop_assert!(e.end <= chars.len(), "span past the end {e:?}");
        prop_assert!(e.start >= last_end, "overlapping or unsorted {e:?}");
        let span: String = chars[e.start..e.end].iter().collect();
        prop_assert_eq!(&span, &e.text);
        last_end = e.end;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn any_unicode_is_safe(input in any::<String>()) {
        check_well_formed(&input)?;
    }

    #[test]
    fn number_heavy_text_is_safe(input in text()) {
        check_well_formed(&input)?;
    }

    #[test]
    fn custom_terms_keep_output_well_formed(input in text(), term in "[一二三工程“”《》0-9]{1,4}") {
        let terms = zhupi_core::Terms::new(vec![zhupi_core::Term { text: term, kind: zhupi_core::Kind::Initiative }]);
        if let Ok(terms) = terms {
            let options = Options { terms, ..Options::default() };
            let chars: Vec<char> = input.chars().collect();
            let mut last = 0;
            for e in extract(&input, &options) {
                prop_assert!(e.start >= last && e.start < e.end && e.end <= chars.len());
                last = e.end;
            }
        }
    }
}

#[test]
fn long_adversarial_inputs_are_safe() {
    // Chains that could recurse or backtrack: ranges of ranges, runs of digits and
    // numerals, markers with nothing after them, unclosed brackets.
    let inputs = [
        "1-".repeat(50_000),
        "一".repeat(100_000),
        "9".repeat(100_000),
        "超过".repeat(50_000),
        "第".repeat(100_000),
        "《".repeat(100_000),
        "“".repeat(100_000),
        "三五".repeat(50_000),
        "5万".repeat(50_000),
        "2018-".repeat(20_000),
    ];
    for input in &inputs {
        check_well_formed(input).unwrap();
    }
}
