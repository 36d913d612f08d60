//! One test per construct of the spec's section 1: each row is a sentence, the span the
//! figure must have, and its sub kind, value, unit and approx; then the exclusions.

use crate::entity::{Entity, Kind};
use crate::{extract, Options};

fn figures(text: &str) -> Vec<Entity> {
    extract(text, &Options::default())
        .into_iter()
        .filter(|e| e.kind == Kind::Figure)
        .collect()
}

/// `(sentence, span, sub, value as JSON, unit or "", approx)`.
type Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

fn check(rows: &[Row]) {
    let mut failures = Vec::new();
    for (sentence, span, sub, value, unit, approx) in rows {
        let found = figures(sentence);
        let Some(f) = found.iter().find(|f| f.text == *span) else {
            let got: Vec<&str> = found.iter().map(|f| f.text.as_str()).collect();
            failures.push(format!("{sentence}: no figure '{span}', found {got:?}"));
            continue;
        };
        let got = (
            f.sub.map(|s| s.as_str()).unwrap_or(""),
            serde_json::to_string(f.value.as_ref().unwrap()).unwrap(),
            f.unit.as_deref().unwrap_or(""),
            f.approx.map(|a| a.as_str()).unwrap_or(""),
        );
        let want = (*sub, value.to_string(), *unit, *approx);
        if got != want {
            failures.push(format!("{sentence}: '{span}' is {got:?}, want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

fn check_none(sentences: &[(&str, &str)]) {
    let mut failures = Vec::new();
    for (sentence, not_a_figure) in sentences {
        let found = figures(sentence);
        if let Some(f) = found.iter().find(|f| f.text.contains(not_a_figure)) {
            failures.push(format!(
                "{sentence}: '{}' marked, but '{not_a_figure}' is not a figure",
                f.text
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn arabic_numbers_half_and_full_width() {
    check(&[
        ("达到93.3%。", "93.3%", "percent", "93.3", "%", "exact"),
        (
            "达到９３．３％。",
            "９３．３％",
            "percent",
            "93.3",
            "%",
            "exact",
        ),
        (
            "共11,000人参加",
            "11,000人",
            "count",
            "11000",
            "人",
            "exact",
        ),
        (
            "车费601,293.11元",
            "601,293.11元",
            "money",
            "601293.11",
            "元",
            "exact",
        ),
        (
            "城镇新增就业5487人",
            "5487人",
            "count",
            "5487",
            "人",
            "exact",
        ),
    ]);
}

#[test]
fn chinese_numerals_and_mixed_forms() {
    check(&[
        (
            "全市三万五千人",
            "三万五千人",
            "count",
            "35000",
            "人",
            "exact",
        ),
        (
            "建成两千六百户",
            "两千六百户",
            "count",
            "2600",
            "户",
            "exact",
        ),
        ("捐款壹佰元", "壹佰元", "money", "100", "元", "exact"),
        ("覆盖3.47万人", "3.47万人", "count", "34700", "人", "exact"),
        (
            "受众5万多人次",
            "5万多人次",
            "count",
            "50000",
            "人次",
            "more_than",
        ),
        (
            "发放23.45亿元",
            "23.45亿元",
            "money",
            "2345000000",
            "元",
            "exact",
        ),
        (
            "吸纳12.3万农村人口",
            "12.3万",
            "count",
            "123000",
            "",
            "exact",
        ),
        (
            "常住人口490多万，",
            "490多万",
            "count",
            "4900000",
            "",
            "more_than",
        ),
        ("新建十个方面", "十个", "count", "10", "个", "exact"),
        ("县乡两级联动", "两级", "count", "2", "级", "exact"),
        ("来了廿五人", "廿五人", "count", "25", "人", "exact"),
    ]);
}

#[test]
fn fractions_and_percent_forms() {
    check(&[
        ("占百分之三十", "百分之三十", "percent", "30", "%", "exact"),
        ("千分之五的比例", "千分之五", "percent", "0.5", "%", "exact"),
        (
            "约三分之一的农户",
            "约三分之一",
            "percent",
            "33.33333333333333",
            "%",
            "about",
        ),
        (
            "七成以上的村",
            "七成以上",
            "percent",
            "70",
            "%",
            "more_than",
        ),
        (
            "提高3.2个百分点",
            "3.2个百分点",
            "percent",
            "3.2",
            "%",
            "exact",
        ),
        (
            "享受近一半的补贴",
            "近一半",
            "percent",
            "50",
            "%",
            "less_than",
        ),
        (
            "不低于20%的要求",
            "不低于20%",
            "percent",
            "20",
            "%",
            "more_than",
        ),
    ]);
}

#[test]
fn approximation_before_and_after() {
    check(&[
        // 百, 千, 万 alone before 余 or 多 and a unit: an amount of about that place.
        (
            "万余名志愿者参加",
            "万余名",
            "count",
            "10000",
            "名",
            "more_than",
        ),
        ("共有千余人", "千余人", "count", "1000", "人", "more_than"),
        ("百余家企业", "百余家", "count", "100", "家", "more_than"),
        (
            "她才60岁出头",
            "60岁出头",
            "duration",
            "60",
            "岁",
            "more_than",
        ),
        (
            "60周岁及以上人口",
            "60周岁及以上",
            "duration",
            "60",
            "周岁",
            "more_than",
        ),
        (
            "收入近5万元",
            "近5万元",
            "money",
            "50000",
            "元",
            "less_than",
        ),
        (
            "投资超过17.1亿元",
            "超过17.1亿元",
            "money",
            "1710000000",
            "元",
            "more_than",
        ),
        (
            "下达超140亿元",
            "超140亿元",
            "money",
            "14000000000",
            "元",
            "more_than",
        ),
        (
            "吞吐量突破150万人次",
            "突破150万人次",
            "count",
            "1500000",
            "人次",
            "more_than",
        ),
        (
            "入党快40年了",
            "快40年",
            "duration",
            "40",
            "年",
            "less_than",
        ),
        ("约200名群众", "约200名", "count", "200", "名", "about"),
        ("逾千名党员", "逾千名", "count", "1000", "名", "more_than"),
        ("上万人参加", "上万人", "count", "10000", "人", "more_than"),
        (
            "举办700多场次",
            "700多场次",
            "count",
            "700",
            "场次",
            "more_than",
        ),
        (
            "干渠1600余公里",
            "1600余公里",
            "measure",
            "1600",
            "公里",
            "more_than",
        ),
        (
            "培训15天以上",
            "15天以上",
            "duration",
            "15",
            "天",
            "more_than",
        ),
        (
            "有60%以上的项目",
            "60%以上",
            "percent",
            "60",
            "%",
            "more_than",
        ),
        (
            "大约3小时左右",
            "大约3小时左右",
            "duration",
            "3",
            "小时",
            "about",
        ),
        ("高出十几倍。", "十几倍", "number", "10", "倍", "more_than"),
        ("十来个村", "十来个", "count", "10", "个", "about"),
    ]);
}

#[test]
fn measure_words_and_units() {
    check(&[
        (
            "家禽年末实有143.3万羽",
            "143.3万羽",
            "count",
            "1433000",
            "羽",
            "exact",
        ),
        (
            "旅客周转量18274万人公里",
            "18274万人公里",
            "measure",
            "182740000",
            "人公里",
            "exact",
        ),
        (
            "连续11个季度增长",
            "11个季度",
            "duration",
            "11",
            "个季度",
            "exact",
        ),
        (
            "PM2.5平均浓度为32微克/立方米",
            "32微克",
            "measure",
            "32",
            "微克",
            "exact",
        ),
        (
            "新增商业面积10万平方米",
            "10万平方米",
            "measure",
            "100000",
            "平方米",
            "exact",
        ),
        (
            "建成蔬菜大棚700亩",
            "700亩",
            "measure",
            "700",
            "亩",
            "exact",
        ),
        (
            "大唐700万吨露天矿",
            "700万吨",
            "measure",
            "7000000",
            "吨",
            "exact",
        ),
        (
            "修通8公里的产业路",
            "8公里",
            "measure",
            "8",
            "公里",
            "exact",
        ),
        ("路宽4.5米", "4.5米", "measure", "4.5", "米", "exact"),
        ("跑了5千米", "5千米", "measure", "5", "千米", "exact"),
        (
            "收入1.2万美元",
            "1.2万美元",
            "money",
            "12000",
            "美元",
            "exact",
        ),
        (
            "几万块钱的贷款",
            "几万块钱",
            "money",
            "[20000,90000]",
            "块钱",
            "about",
        ),
        ("共有48个镇街党校", "48个", "count", "48", "个", "exact"),
        ("入驻企业达到8家。", "8家", "count", "8", "家", "exact"),
        ("只需20分钟", "20分钟", "duration", "20", "分钟", "exact"),
        ("70周年纪念", "70周年", "duration", "70", "周年", "exact"),
        (
            "60多岁的老人",
            "60多岁",
            "duration",
            "60",
            "岁",
            "more_than",
        ),
    ]);
}

#[test]
fn ranges() {
    check(&[
        (
            "实施计划2018-2020年",
            "2018-2020年",
            "date",
            "[\"2018\",\"2020\"]",
            "",
            "exact",
        ),
        (
            "价格5.6到5.78元",
            "5.6到5.78元",
            "money",
            "[5.6,5.78]",
            "元",
            "exact",
        ),
        (
            "小工一天150元到180元。",
            "150元到180元",
            "money",
            "[150,180]",
            "元",
            "exact",
        ),
        (
            "需要三五千元",
            "三五千元",
            "money",
            "[3000,5000]",
            "元",
            "exact",
        ),
        (
            "投资八九亿元",
            "八九亿元",
            "money",
            "[800000000,900000000]",
            "元",
            "exact",
        ),
        ("去了两三次", "两三次", "count", "[2,3]", "次", "exact"),
        ("几十个村", "几十个", "count", "[20,90]", "个", "about"),
        ("增长10%-20%", "10%-20%", "percent", "[10,20]", "%", "exact"),
        (
            "1-2月份",
            "1-2月份",
            "date",
            "[\"XXXX-01\",\"XXXX-02\"]",
            "",
            "exact",
        ),
    ]);
}

#[test]
fn dates_and_times() {
    check(&[
        (
            "2018-08-09 09:26:06 来源",
            "2018-08-09 09:26:06",
            "date",
            "\"2018-08-09T09:26:06\"",
            "",
            "exact",
        ),
        (
            "于2019年4月启动",
            "2019年4月",
            "date",
            "\"2019-04\"",
            "",
            "exact",
        ),
        ("到6月底，", "6月底", "date", "\"XXXX-06\"", "", "exact"),
        (
            "2014年以来，",
            "2014年以来",
            "date",
            "\"2014\"",
            "",
            "exact",
        ),
        ("2017年，全市", "2017年", "date", "\"2017\"", "", "exact"),
        (
            "2015年2月5日在",
            "2015年2月5日",
            "date",
            "\"2015-02-05\"",
            "",
            "exact",
        ),
        (
            "（2025年03月13日第 07 版）",
            "2025年03月13日",
            "date",
            "\"2025-03-13\"",
            "",
            "exact",
        ),
        (
            "11月22日，总社",
            "11月22日",
            "date",
            "\"XXXX-11-22\"",
            "",
            "exact",
        ),
        (
            "2024年初，听说",
            "2024年初",
            "date",
            "\"2024\"",
            "",
            "exact",
        ),
        (
            "下达2025年度资金",
            "2025年度",
            "date",
            "\"2025\"",
            "",
            "exact",
        ),
        ("去年10月，", "10月", "date", "\"XXXX-10\"", "", "exact"),
        (
            "进入6月以来，",
            "6月以来",
            "date",
            "\"XXXX-06\"",
            "",
            "exact",
        ),
        ("一季度，", "一季度", "date", "\"XXXX-Q1\"", "", "exact"),
        (
            "2019年一季度增长",
            "2019年一季度",
            "date",
            "\"2019-Q1\"",
            "",
            "exact",
        ),
        ("下午2点开会", "下午2点", "date", "\"T14:00\"", "", "exact"),
        ("18:30开始", "18:30", "date", "\"T18:30\"", "", "exact"),
        (
            "18时30分开始",
            "18时30分",
            "date",
            "\"T18:30\"",
            "",
            "exact",
        ),
        (
            "二〇一九年十月一日",
            "二〇一九年十月一日",
            "date",
            "\"2019-10-01\"",
            "",
            "exact",
        ),
        ("2021年春，", "2021年春", "date", "\"2021\"", "", "exact"),
    ]);
}

/// A one-character tail (中, 春, 初 …) is not read when it starts another word.
#[test]
fn date_tails_that_start_other_words() {
    let date = |sentence, span, value| (sentence, span, "date", value, "", "exact");
    check(&[
        date("2019年中国经济增长6.1%", "2019年", "\"2019\""),
        date("2018年春节期间，", "2018年", "\"2018\""),
        date("2022年冬奥会在北京举行", "2022年", "\"2022\""),
        date("举办2019年中药知识大赛", "2019年", "\"2019\""),
        date("2020年初心不改", "2020年", "\"2020\""),
        date("3月中国出口增长", "3月", "\"XXXX-03\""),
        // 上半年 / 下半年 with no year are halves of a year, not half a year.
        date("我省上半年经济运行平稳", "上半年", "\"XXXX-H1\""),
        date("今年下半年，", "下半年", "\"XXXX-H2\""),
        date("2025年上半年建成", "2025年上半年", "\"2025-H1\""),
        // The later end of a range takes what it leaves out from the first.
        date(
            "11月15日至17日在深圳举行",
            "11月15日至17日",
            "[\"XXXX-11-15\",\"XXXX-11-17\"]",
        ),
        date(
            "2019年3月至5月",
            "2019年3月至5月",
            "[\"2019-03\",\"2019-05\"]",
        ),
        // After a date, 点 is a clock time as 时 is.
        date("4月5日9点开会", "4月5日9点", "\"XXXX-04-05T09:00\""),
        // A range of clock times is one figure; the later end keeps the first's half
        // of the day unless it names its own.
        date(
            "上午9点至11点举行",
            "上午9点至11点",
            "[\"T09:00\",\"T11:00\"]",
        ),
        date(
            "开放时间为早上8点至晚上10点",
            "早上8点至晚上10点",
            "[\"T08:00\",\"T22:00\"]",
        ),
        date(
            "晚上7点到9点半",
            "晚上7点到9点半",
            "[\"T19:00\",\"T21:30\"]",
        ),
        date(
            "时间为8:00-10:00。",
            "8:00-10:00",
            "[\"T08:00\",\"T10:00\"]",
        ),
        date(
            "4月5日9时至17时",
            "4月5日9时至17时",
            "[\"XXXX-04-05T09:00\",\"XXXX-04-05T17:00\"]",
        ),
        // Tails that stand alone stay in the span.
        date("2019年中，项目启动", "2019年中", "\"2019\""),
        date("2019年底前完成", "2019年底", "\"2019\""),
        date("2023年秋季开学", "2023年秋季", "\"2023\""),
    ]);
}

#[test]
fn durations_and_relative_durations() {
    check(&[
        ("用了三年", "三年", "duration", "3", "年", "exact"),
        ("为期6个月", "6个月", "duration", "6", "个月", "exact"),
        ("半年就完工", "半年", "duration", "0.5", "年", "exact"),
        (
            "用了半个多月",
            "半个多月",
            "duration",
            "0.5",
            "个月",
            "more_than",
        ),
        ("两年前，", "两年前", "duration", "2", "年", "exact"),
        (
            "20多年前，",
            "20多年前",
            "duration",
            "20",
            "年",
            "more_than",
        ),
        ("22年来，", "22年来", "duration", "22", "年", "exact"),
        ("一年半后", "一年半", "duration", "1.5", "年", "exact"),
        (
            "两个半小时",
            "两个半小时",
            "duration",
            "2.5",
            "个小时",
            "exact",
        ),
        (
            "9个月后，项目竣工",
            "9个月",
            "duration",
            "9",
            "个月",
            "exact",
        ),
    ]);
}

#[test]
fn ordinals_and_phases() {
    check(&[
        ("排名第三，", "第三", "ordinal", "3", "", "exact"),
        ("获得第1名", "第1名", "ordinal", "1", "名", "exact"),
        ("第二批试点", "第二批", "ordinal", "2", "批", "exact"),
        // Generations and ranks of a league are counted, so 第N of them is an ordinal.
        (
            "新一代的第五代移动通信",
            "第五代",
            "ordinal",
            "5",
            "代",
            "exact",
        ),
        (
            "稳居全省第一方阵",
            "第一方阵",
            "ordinal",
            "1",
            "方阵",
            "exact",
        ),
        ("蒙拓牧机二期等项目", "二期", "ordinal", "2", "期", "exact"),
        (
            "改造项目一期达到入住条件",
            "一期",
            "ordinal",
            "1",
            "期",
            "exact",
        ),
        ("纪念园二期工程", "二期", "ordinal", "2", "期", "exact"),
        // Opening a clause, the phase's noun says it is a phase.
        (
            "竣工，二期工程预计明年开工",
            "二期",
            "ordinal",
            "2",
            "期",
            "exact",
        ),
        ("举办了3期培训班", "3期", "count", "3", "期", "exact"),
        ("共举办两期培训班", "两期", "count", "2", "期", "exact"),
        ("第一季度", "第一季度", "date", "\"XXXX-Q1\"", "", "exact"),
    ]);
}

#[test]
fn bare_numbers_only_alone_in_a_cell() {
    check(&[("年份\n2025\n", "2025", "number", "2025", "", "exact")]);
    check_none(&[("编号2025的文件", "2025"), ("他说了三遍", "三")]);
}

#[test]
fn words_that_contain_numerals() {
    check_none(&[
        // A place alone with no marker and unit after it is a word.
        ("百姓千万不要上当", "千万"),
        ("万一出了问题", "万一"),
        ("一些群众", "一些"),
        ("一起学习", "一起"),
        ("保持两位数增长", "两位"),
        ("统一部署", "一"),
        ("一直坚持", "一直"),
        ("一批干部", "一批"),
        ("一方面要", "一方面"),
        ("进一步加强", "一"),
        ("奋战在一线", "一线"),
        ("万一出事", "万一"),
        ("一般情况", "一般"),
        ("一定要", "一定"),
        ("一系列措施", "一系列"),
        ("城乡一体化", "一"),
        ("唯一的办法", "一"),
        ("千方百计", "千"),
        ("四面八方", "四"),
        ("一把手负责", "一"),
        ("担任第一书记", "第一"),
        ("两口子", "两"),
        ("一年来，", "一年"),
        ("十分重要", "十分"),
        ("第三方机构", "第三"),
        ("第一时间赶到", "第一"),
        ("服务长三角一体化", "三"),
        ("珠江三角洲地区", "三"),
        ("他们四处奔走", "四"),
        ("连接城乡两头", "两"),
        ("老两口腿脚不便", "两"),
        ("万元户", "万"),
        ("亿元大关", "亿"),
        ("三次产业的比重为12.89：56.87：30.24", "三次"),
    ]);
    check(&[
        ("用了十分钟", "十分钟", "duration", "10", "分钟", "exact"),
        ("找回三角钱", "三角", "money", "3", "角", "exact"),
        ("耕地面积实现5连增", "5连增", "count", "5", "连增", "exact"),
        (
            "这一数字将再减少1000万以上",
            "1000万以上",
            "count",
            "10000000",
            "",
            "more_than",
        ),
        (
            "约3亿左右的资金",
            "约3亿左右",
            "count",
            "300000000",
            "",
            "about",
        ),
    ]);
}

#[test]
fn one_as_an_article() {
    check_none(&[
        ("一个村", "一个"),
        ("一名党员", "一名"),
        ("过去一年，", "一年"),
        ("大工一天300元", "一天"),
        ("这一年", "一年"),
    ]);
    check(&[
        ("一万人", "一万人", "count", "10000", "人", "exact"),
        ("一百二十名", "一百二十名", "count", "120", "名", "exact"),
        ("增长了一倍", "一倍", "number", "1", "倍", "exact"),
    ]);
}

#[test]
fn numbers_inside_names() {
    check_none(&[
        ("党的十九大精神", "十九"),
        ("十二届四次全会", "四次"),
        ("九届十三次全委会", "十三次"),
        ("第十五届运动会", "十五"),
        ("第二次会议", "第二次"),
        ("5G网络", "5"),
        ("G20峰会", "20"),
        ("8家4S店", "4"),
        ("101国道", "101"),
        ("志愿军第42军", "42"),
        ("七台河市博物馆", "七台"),
        ("“和谐建设1+3”活动", "1"),
    ]);
    check(&[("四大功能区块", "四大", "count", "4", "", "exact")]);
}

#[test]
fn list_markers_codes_and_editions() {
    check_none(&[
        ("一、2014年工作回顾", "一"),
        ("（二）民生", "二"),
        ("1. 概况", "1"),
        ("① 第一项", "①"),
        ("一是加强", "一"),
        ("第一，要", "第一"),
        ("电话0662-3385678", "0662"),
        ("电话0662-3385678", "3385678"),
        ("手机13800138000", "138"),
        ("身份证号140302197706220124。", "1403"),
        ("第 07 版", "07"),
        ("A3版", "3"),
        ("地铁1号线", "1"),
        ("版本1.2.3发布", "1.2"),
    ]);
}

#[test]
fn figures_never_overlap_and_come_in_order() {
    let text = "2018年，全市共举办各类宣讲活动700多场次，直接受众5万多人次，超过93.3%的群众满意。";
    let found = figures(text);
    let spans: Vec<&str> = found.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(spans, ["2018年", "700多场次", "5万多人次", "超过93.3%"]);
    for w in found.windows(2) {
        assert!(w[0].end <= w[1].start);
    }
}

/// Below zero: `零下` or a minus sign joins a temperature and makes it negative; a
/// dash after a digit is a range, and 度 alone may be electricity.
#[test]
fn temperatures_below_zero() {
    let measure = |sentence, span, value, unit| (sentence, span, "measure", value, unit, "exact");
    check(&[
        measure("最低气温零下5℃，", "零下5℃", "-5", "℃"),
        measure("气温降至零下十度", "零下十度", "-10", "度"),
        measure("最高气温-2℃", "-2℃", "-2", "℃"),
        measure("平均-3.5摄氏度", "-3.5摄氏度", "-3.5", "摄氏度"),
        measure("气温2-5℃", "2-5℃", "[2,5]", "℃"),
        measure("用电量-3度", "3度", "3", "度"),
    ]);
}

#[test]
fn columns_of_a_table_row_written_with_spaces() {
    check(&[
        (
            "塑料制品 吨 183946 26.63\n",
            "183946",
            "number",
            "183946",
            "",
            "exact",
        ),
        (
            "塑料制品 吨 183946 26.63\n",
            "26.63",
            "number",
            "26.63",
            "",
            "exact",
        ),
        ("2025\n", "2025", "number", "2025", "", "exact"),
    ]);
    // Words after the number on its line: a page or an edition, not a column.
    check_none(&[("第 07 版", "07"), ("编号 3 号楼", "3")]);
}

#[test]
fn arabic_numbers_of_categories() {
    check(&[
        ("形成4大产业集群", "4大", "count", "4", "", "exact"),
        ("拓展到12大总成", "12大", "count", "12", "", "exact"),
    ]);
}
