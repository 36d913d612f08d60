//! Every form of spec section 2 and each exclusion, with the nesting rule and custom
//! terms, through the public `extract`.

use crate::entity::{Entity, Kind};
use crate::terms::{Term, Terms};
use crate::{extract, Options};

fn of_kind(text: &str, kind: Kind) -> Vec<String> {
    extract(text, &Options::default())
        .into_iter()
        .filter(|e| e.kind == kind)
        .map(|e| e.text)
        .collect()
}

fn initiatives(text: &str) -> Vec<String> {
    of_kind(text, Kind::Initiative)
}

fn assert_marks(cases: &[(&str, &[&str])]) {
    let mut failures = Vec::new();
    for (text, want) in cases {
        let got = initiatives(text);
        if got != *want {
            failures.push(format!("{text}\n   got  {got:?}\n   want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn quoted_names_with_their_head_noun() {
    assert_marks(&[
        ("实施“头雁”工程，", &["“头雁”工程"]),
        ("推广“六建”模式。", &["“六建”模式"]),
        (
            "坚持实施“挂、蹲、驻、派、训”五步工作法开展帮扶",
            &["“挂、蹲、驻、派、训”五步工作法"],
        ),
        ("推动“两学一做”学习教育常态化", &["“两学一做”学习教育"]),
        ("开展“回头看”专项工作，", &["“回头看”专项工作"]),
        (
            "大力实施“聚心、公心、贴心”三大工程，",
            &["“聚心、公心、贴心”三大工程"],
        ),
        (
            "推进\"一圈一核心\"百里党建示范长廊建设，",
            &["\"一圈一核心\"百里党建示范长廊建设"],
        ),
        ("围绕“退二进三” 工作的全面实施", &["“退二进三” 工作"]),
        ("举办「精准扶贫」主题活动。", &["「精准扶贫」主题活动"]),
        // The shortest tail that ends in a head noun: 工程, not 工程建设.
        ("“菜篮子”工程建设成效显著", &["“菜篮子”工程"]),
        // A head that another kind of programme follows at once is read with it, but not
        // with the work done on it (建设, 工作).
        ("“五个一批”扶贫工程继续深入推进", &["“五个一批”扶贫工程"]),
        (
            "推进“三位一体”综合改革工作迈上新台阶",
            &["“三位一体”综合改革"],
        ),
        ("形成“五有”建设标准。", &["“五有”建设标准"]),
        // Goals, courses, alliances and contests are kinds of programme; a service is not.
        ("取得“三个新的更大进展”目标", &["“三个新的更大进展”目标"]),
        ("开设“微专业”课程。", &["“微专业”课程"]),
        ("组建“1+5”农业科技创新联盟，", &["“1+5”农业科技创新联盟"]),
        ("推广“即买即退”服务措施。", &["“即买即退”服务措施"]),
        // A demonstrative before the head puts a noun in apposition: the quote alone.
        ("围绕“建设先进制造业基地”这一目标，", &[]),
        ("优化“一老一小”服务供给。", &["“一老一小”"]),
    ]);
}

#[test]
fn single_quotes_inside_a_quoted_name() {
    assert_marks(&[(
        "北安市博物馆“对党说句心里话——礼赞‘七一’情系党心”主题系列活动，吸引",
        &["“对党说句心里话——礼赞‘七一’情系党心”主题系列活动"],
    )]);
}

#[test]
fn quoted_names_alone_need_evidence() {
    assert_marks(&[
        ("统筹推进“两不愁三保障”。", &["“两不愁三保障”"]),
        ("发展“一村一品”，", &["“一村一品”"]),
        ("“十四五”以来，", &["“十四五”"]),
        ("书记、主任“一肩挑”比例达91%", &["“一肩挑”"]),
        (
            "阳东区实施“组工干部联片负责制”，打开新格局",
            &["“组工干部联片负责制”"],
        ),
        (
            "开展“领导带学”“专家导学”等活动",
            &["“领导带学”", "“专家导学”"],
        ),
        ("将“一票否决”直接评为", &["“一票否决”"]),
        ("全力打造“两个中心”，", &["“两个中心”"]),
        (
            "城乡居民都纳入了“20分钟医疗卫生圈”。",
            &["“20分钟医疗卫生圈”"],
        ),
    ]);
}

#[test]
fn quotes_that_count_name_a_body_or_recur_are_not_names_alone() {
    assert_marks(&[
        // A numeral that counts something.
        ("三地合力共造“一辆车”，", &[]),
        ("从畅通管网到做好“最初一公里”，", &[]),
        ("名字叫“长城第一家”，", &[]),
        // A fund, a platform, a place.
        ("组建“科创基金”等，", &[]),
        ("完成了“草原音乐之城”商标注册", &[]),
        // Quoted again, and nothing more: a term, not a programme.
        ("整治“职业闭店”乱象。专家指出，“职业闭店”也是", &[]),
        // A quoted instruction from a document: the name inside it is marked, not the
        // instruction.
        (
            "会议提出，“开展规范涉企执法专项行动”。",
            &["规范涉企执法专项行动"],
        ),
        // A shopping festival.
        ("2024年“双11”期间", &[]),
    ]);
}

#[test]
fn a_name_read_back_from_its_head_starts_after_the_verbs_and_adverbs() {
    assert_marks(&[
        // What an adverb or a modal modifies is a verb; its object is no name here.
        ("积极融入区域战略。", &[]),
        ("要更好服务发展战略。", &[]),
        ("要服务区域战略。", &[]),
        // Nor does a name end in an adverb.
        ("志愿者们立即行动。", &[]),
        // After a verb that takes a programme, a name may open with a verb.
        ("推进应急管理提升工程。", &["应急管理提升工程"]),
        // A quoted name's tail stops at a period word and a function word.
        ("“十四五”时期工作成效显著", &["“十四五”"]),
    ]);
}

#[test]
fn speech_sayings_emphasis_places_and_holidays_are_not_names() {
    assert_marks(&[
        ("“我们一出海就是很长一段时间。”渔民说。", &[]),
        ("切实解决了“干和不干一个样、干多干少一个样”的问题", &[]),
        ("推动学习教育脱“虚”就“实”，", &[]),
        ("走进“龟兹小巷”，", &[]),
        ("博物馆里过“七一”活动", &[]),
        ("被称为“经济断裂带”。", &[]),
        ("村(社区)“两委”干部", &[]),
        // An organisation before its members' title; a list or award after 入选.
        ("他当选“两院”院士。", &[]),
        ("该遗址入选“年度十大考古新发现”，", &[]),
        ("这座村庄荣获“最美乡村”。", &[]),
        ("荣获“国家慢性病综合防控示范区”称号。", &[]),
        ("高过“不低于20%”的政策要求", &[]),
        ("积极“走出去”拓展业务", &[]),
        ("他说：“这件事要办好。”", &[]),
        ("他说：“我们一定完成任务”。", &[]),
        ("“我为群众办实事”，他说。", &[]),
    ]);
}

#[test]
fn a_head_noun_makes_a_name_of_first_person_words() {
    assert_marks(&[
        (
            "深入开展“我为群众办实事”实践活动。",
            &["“我为群众办实事”实践活动"],
        ),
        ("开展“我们的节日”主题活动。", &["“我们的节日”主题活动"]),
    ]);
}

#[test]
fn unquoted_numeric_slogans() {
    assert_marks(&[
        ("强化五大举措，", &["五大举措"]),
        ("增强四个意识，", &["四个意识"]),
        ("落实八项规定精神", &["八项规定"]),
        ("深入开展两学一做学习教育", &["两学一做学习教育"]),
        ("践行三严三实要求", &["三严三实"]),
    ]);
}

#[test]
fn established_names_and_names_before_a_head_noun() {
    assert_marks(&[
        ("全面推行河长制，", &["河长制"]),
        ("实施乡村振兴战略，", &["乡村振兴战略"]),
        // 工程 and 制度 right after an established name are its own; a project is not.
        ("继续实施退耕还林工程建设", &["退耕还林工程"]),
        ("新农合制度保障水平不断提高", &["新农合制度"]),
        ("全省以工代赈项目吸纳就业", &["以工代赈"]),
        // A verb before a name is not part of it.
        ("要全面推进乡村振兴，", &["乡村振兴"]),
        ("打赢脱贫攻坚战。", &["脱贫攻坚战"]),
        ("扩大以工代赈规模。", &["以工代赈"]),
        ("共建一带一路倡议", &["共建一带一路"]),
        ("扫黑除恶专项斗争结合起来", &["扫黑除恶专项斗争"]),
        (
            "我市还大力实施村干部素质提升工程，",
            &["村干部素质提升工程"],
        ),
        ("投资4.8亿元实施了拆炉并网工程，", &["拆炉并网工程"]),
        ("深入推进平安城市创建工程。", &["平安城市创建工程"]),
    ]);
}

#[test]
fn a_function_character_inside_a_word_does_not_cut_a_name() {
    assert_marks(&[
        ("实施和美乡村示范工程。", &["和美乡村示范工程"]),
        ("推进应急管理提升工程。", &["应急管理提升工程"]),
        ("实施新能源汽车推广工程。", &["新能源汽车推广工程"]),
        ("开展正能量传播工程。", &["正能量传播工程"]),
        ("启动再生资源回收利用工程。", &["再生资源回收利用工程"]),
        ("建设有机农业示范工程。", &["有机农业示范工程"]),
        ("发展都市现代农业示范工程。", &["都市现代农业示范工程"]),
        // Where the character is a conjunction, it still ends what comes before.
        ("加强党建和文明创建工程。", &["文明创建工程"]),
    ]);
}

#[test]
fn general_concepts_and_ordinary_phrases_are_not_names() {
    assert_marks(&[
        ("推动高质量发展，", &[]),
        ("发展新质生产力。", &[]),
        ("加强基层治理，", &[]),
        ("切实加强基层党组织建设，", &[]),
        ("投资3000万元的两河圣山供水工程投入使用", &[]),
        ("安排重点项目105个", &[]),
        ("易地搬迁群众和返乡农民工", &[]),
        ("四大功能区块", &[]),
        ("开展为期一个月的专项整治行动", &[]),
        // A verb opens no name: what is left after it is too short.
        ("加快推进水利工程建设。", &[]),
        ("创新工作模式，提升服务水平。", &[]),
        ("开展集中整治行动", &[]),
    ]);
}

#[test]
fn a_quoted_name_is_found_again_without_quotes() {
    assert_marks(&[(
        "实施“头雁”工程。头雁工程推进以来，“十四五”规划……十四五时期",
        &["“头雁”工程", "头雁工程", "“十四五”规划", "十四五"],
    )]);
}

#[test]
fn documents_and_their_sub_kind() {
    let found: Vec<Entity> = extract(
        "出台了《关于进一步加强镇级党校建设的意见》，编印《乡镇党校简明教程》，\
         依据《中华人民共和国民法典》，《2023年统计公报》显示",
        &Options::default(),
    );
    let docs: Vec<(&str, &str)> = found
        .iter()
        .filter(|e| e.kind == Kind::Document)
        .map(|e| (e.text.as_str(), e.sub.unwrap().as_str()))
        .collect();
    assert_eq!(
        docs,
        [
            ("《关于进一步加强镇级党校建设的意见》", "policy"),
            ("《乡镇党校简明教程》", "publication"),
            ("《中华人民共和国民法典》", "policy"),
            ("《2023年统计公报》", "policy"),
        ]
    );
    assert!(of_kind("他说《这不是标题。后来》", Kind::Document).is_empty());
}

#[test]
fn the_outer_entity_wins() {
    let text =
        "根据《广东省加强党的基层组织建设三年行动计划(2018-2020年)》要求，推动“两学一做”学习教育";
    let found = extract(text, &Options::default());
    let kinds: Vec<(&str, Kind)> = found.iter().map(|e| (e.text.as_str(), e.kind)).collect();
    assert_eq!(
        kinds,
        [
            (
                "《广东省加强党的基层组织建设三年行动计划(2018-2020年)》",
                Kind::Document
            ),
            ("“两学一做”学习教育", Kind::Initiative),
        ]
    );
    // A slogan inside a title, figures inside a slogan: only the outer one.
    let found = extract(
        "印发《“十四五”乡村振兴规划》，强化“五大举措”",
        &Options::default(),
    );
    assert_eq!(found.len(), 2);
}

#[test]
fn nesting_holds_when_only_figures_are_wanted() {
    let options = Options {
        kinds: vec![Kind::Figure],
        ..Options::default()
    };
    let found = extract("《三年行动计划(2018-2020年)》，2019年", &options);
    let texts: Vec<&str> = found.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(texts, ["2019年"]);
}

#[test]
fn custom_terms_win_over_built_in_rules() {
    let terms = Terms::new(vec![
        Term {
            text: "组工干部联片".into(),
            kind: Kind::Initiative,
        },
        Term {
            text: "700多场次".into(),
            kind: Kind::Document,
        },
    ])
    .unwrap();
    let options = Options {
        terms,
        ..Options::default()
    };
    let found = extract("实施组工干部联片负责制，举办700多场次", &options);
    let kinds: Vec<(&str, Kind)> = found.iter().map(|e| (e.text.as_str(), e.kind)).collect();
    assert_eq!(
        kinds,
        [
            ("组工干部联片", Kind::Initiative),
            ("700多场次", Kind::Document)
        ]
    );
}

#[test]
fn quotes_that_describe_rather_than_name() {
    assert_marks(&[
        // A 的-phrase is a kind of thing; digits alone a number to call.
        ("从“要求做的”“禁止做的”“鼓励做的”3个维度提出要求", &[]),
        ("在一些地方，“120”救护车不出省。", &[]),
        ("拨打“96178”省长直通车", &[]),
        ("形成“8337”发展思路", &["“8337”发展思路"]),
        // A phenomenon, a trend, a class of goods.
        ("热门演出出现“一票难求”现象。", &[]),
        ("导致“三无”产品流入市场", &[]),
        // A quote that modifies the programme a verb puts.
        ("实施“挖穷根儿”的帮扶项目", &[]),
        // Rhetoric about a change.
        ("从“盘活一点”到“带动一片”。", &[]),
        ("“冷资源”变成“热产业”", &[]),
        ("实现“从0到1”的突破", &[]),
        ("从“十三五”到“十四五”", &["“十三五”", "“十四五”"]),
        // A run of three-character quotes is a figure of speech.
        ("守护百姓的“菜单子”“果盘子”“鱼篓子”。", &[]),
        (
            "开展“领导带学”“专家导学”活动",
            &["“领导带学”", "“专家导学”活动"],
        ),
        // A head that goes on into a station; a plan's goals after its head.
        ("以“蓝鲸”护企工作站为载体", &[]),
        ("完成“十四五”规划目标任务", &["“十四五”规划"]),
        // A trend after 的; things counted in 个.
        ("价格呈“六涨一平一降”的态势。", &[]),
        ("打造“产业大脑”130个，", &[]),
    ]);
}

#[test]
fn names_are_learned_only_on_evidence_of_their_own() {
    // Taken in a run, a quote is not repeated through the article.
    assert_marks(&[(
        "发布“职业闭店”“安全闭店”广告。要厘清职业闭店与正常闭店的区别。",
        &["“职业闭店”", "“安全闭店”"],
    )]);
    // With a head noun, it is.
    assert_marks(&[(
        "实施“春苗”工程。春苗工程覆盖全县。",
        &["“春苗”工程", "春苗工程"],
    )]);
}

#[test]
fn unquoted_models_are_kinds() {
    assert_marks(&[
        ("构建现代治理模式。", &[]),
        ("新消费模式层出不穷", &[]),
        ("推广“先诊疗后付费”模式", &["“先诊疗后付费”模式"]),
    ]);
}
