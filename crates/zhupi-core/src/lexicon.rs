//! Every table of words the figure extractor consults, in one place.
//!
//! The rules in `figure/` are about shape (a number, then what may follow it); the words
//! that fill those shapes are data, listed here with what they mean. To teach zhupi a
//! new unit, approximation marker or excluded word, add a row here and a test; no rule
//! needs to change. The tables follow `shared/spec/marking.md`, section 1 and its
//! conventions.

use crate::entity::{Approx, Sub};
use crate::words::WordTable;
use std::sync::OnceLock;

/// What a word after a number makes of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitClass {
    /// A measure word or unit; the figure's sub kind follows from it.
    Unit(Sub),
    /// 年: a calendar year after four digits (`2017年`), otherwise a duration.
    Year,
    /// 月: a calendar month after 1–12 (`6月`), never a duration (that is 个月).
    Month,
    /// 日/号: a day of the month after 1–31.
    Day,
    /// 成: tenths, a percent (`七成` → 70).
    Tenths,
    /// A word that starts like a unit but makes the number part of a name or an
    /// ordinary word (`期间`, `年级`, `届`, `版`): no figure.
    NotAUnit,
}

/// A unit as it may be written, what it is reported as, and its class.
#[derive(Clone, Copy, Debug)]
pub struct Unit {
    pub reported: &'static str,
    pub class: UnitClass,
}

use Sub::{Count, Duration, Measure, Money, Number, Percent};

/// Measure words and units, by what they make the figure: words separated by spaces,
/// each reported as it is written, or as what follows its `=` where a unit is written
/// in several ways (`％=%`: the spec's `%` for every percent). Text, not a row per
/// word: 276 rows of string references cost 0.8 KB more of the gzipped module. (The
/// shorter tables below stay rows: parsing them costs more code than it saves.)
const UNITS: &[(UnitClass, &str)] = &[
    // Counts of people, things, events.
    (
        UnitClass::Unit(Count),
        concat!(
            "个 名 人 人次 位 户 户次 家 家次 所 条 项 件 次 场 场次 ",
            "期 批 座 台 辆 艘 架 架次 列 只 羽 头 匹 棵 株 支 根 张 ",
            "本 册 篇 部 份 套 种 类 处 间 栋 幢 层 级 轮 起 宗 例 ",
            "对 双 组 队 班 节 门 道 首 片 块 枚 颗 箱 袋 瓶 口 眼 ",
            "孔 封 笔 单 票 车次 班次 课时 学时 余人=人 批次 个批次 代 方阵",
        ),
    ),
    // Records of consecutive years or titles (`粮食产量5连增`, `五连冠`).
    (UnitClass::Unit(Count), "连增 连丰 连降 连涨 连冠 连胜"),
    // Money.
    (
        UnitClass::Unit(Money),
        concat!(
            "元 圆 元整=元 圆整=圆 元正=元 圆正=圆 元钱 块钱 元人民币=元 ",
            "人民币 美元 美金 欧元 日元 日圆 港元 港币 英镑 韩元 卢布 澳元 ",
            "加元 新台币 台币 泰铢 新加坡元 瑞士法郎 卢比 澳门元 角",
        ),
    ),
    // Physical amounts, with transport turnover, a statistical bulletin's units
    // (`18274万人公里`).
    (
        UnitClass::Unit(Measure),
        concat!(
            "公里 人公里 吨公里 千米 米 厘米 毫米 公分 海里 英里 公尺 英尺 ",
            "呎 英寸 英吋 吋 亩 公顷 平方米 平方公里 平方千米 平米 立方米 ",
            "方 吨 千克 公斤 克 毫克 微克 斤 升 毫升 公升 加仑 L mL ml ",
            "千瓦 千瓦时 兆瓦 度 摄氏度 ℃ °C=℃ ° °F ℉ 标箱 标准箱 ",
            "马力 km kg cm mm m m² ㎡ t kW kWh MW GW TEU",
        ),
    ),
    // Lengths of time.
    (
        UnitClass::Unit(Duration),
        concat!(
            "个年头 载 个月 个季度 周 星期 个星期 天 小时 个小时 个钟头 ",
            "钟头 分钟 秒 秒钟 岁 周岁 周年",
        ),
    ),
    // Calendar words: a year, month or day after a number that can be one, else a
    // duration (年) or no figure.
    (UnitClass::Year, "年"),
    (UnitClass::Month, "月"),
    (UnitClass::Day, "日 号"),
    // Shares.
    (UnitClass::Unit(Percent), "% ％=% 个百分点=% 百分点=%"),
    (UnitClass::Tenths, "成=%"),
    // Multiples: 倍 is a bare ratio, reported as `number`.
    (UnitClass::Unit(Number), "倍"),
    // Words that begin like a unit but are not one after a number.
    (
        UnitClass::NotAUnit,
        concat!(
            "期间 期望 年级 年代 年龄 年轻 天气 天然 天下 条件 条例 名称 ",
            "名义 名单 次数 次全会 次全体会议 次代表大会 次党代会 次全委 ",
            "次常委 次常务会 次主任会 位置 场所 家乡 家庭 户口 项目 批准 ",
            "处理 种类 部门 部分 部署 门槛 道路 台阶 支持 支部 头脑 队伍 ",
            "组织 班子 节日 起来 方面 方向 方式 方案 人民 届 版 页 号线 ",
            "号楼 号文 号令 号院 国道 省道 成为 成立 成员 成功 成效 成本 ",
            "成果 成绩 成熟 成交 成就 成长 成都 代表 代替 代理 代码 代价",
        ),
    ),
];

/// The units as rows of the table: each written form with what it is reported as.
fn unit_rows() -> impl Iterator<Item = (&'static str, Unit)> {
    UNITS.iter().flat_map(|&(class, words)| {
        words.split_whitespace().map(move |word| {
            let (written, reported) = word.split_once('=').unwrap_or((word, word));
            let reported = if class == UnitClass::NotAUnit {
                ""
            } else {
                reported
            };
            (written, Unit { reported, class })
        })
    })
}

/// Markers before a number that qualify its value (`超过5亿元`, `近5万名`).
const APPROX_BEFORE: &[(&str, Approx)] = &[
    ("约", Approx::About),
    ("大约", Approx::About),
    ("大概", Approx::About),
    ("约合", Approx::About),
    ("近", Approx::LessThan),
    ("将近", Approx::LessThan),
    ("接近", Approx::LessThan),
    ("快", Approx::LessThan),
    ("不足", Approx::LessThan),
    ("不到", Approx::LessThan),
    ("不满", Approx::LessThan),
    ("不超过", Approx::LessThan),
    ("不高于", Approx::LessThan),
    ("不多于", Approx::LessThan),
    ("最多", Approx::LessThan),
    ("至多", Approx::LessThan),
    ("超", Approx::MoreThan),
    ("超过", Approx::MoreThan),
    ("逾", Approx::MoreThan),
    ("突破", Approx::MoreThan),
    ("不低于", Approx::MoreThan),
    ("不少于", Approx::MoreThan),
    ("至少", Approx::MoreThan),
];

/// Markers between a number and its unit (`700多场次`, `2000余名`, `十来个`).
const APPROX_AFTER_NUMBER: &[(&str, Approx)] = &[
    ("多", Approx::MoreThan),
    ("余", Approx::MoreThan),
    ("几", Approx::MoreThan),
    ("来", Approx::About),
    ("许", Approx::About),
];

/// Qualifiers after the unit (`15天以上`, `60%以上`, `三年多`).
const APPROX_AFTER_UNIT: &[(&str, Approx)] = &[
    ("以上", Approx::MoreThan),
    ("及以上", Approx::MoreThan),
    ("及以下", Approx::LessThan),
    ("之上", Approx::MoreThan),
    ("开外", Approx::MoreThan),
    ("出头", Approx::MoreThan),
    ("有余", Approx::MoreThan),
    ("多", Approx::MoreThan),
    ("余", Approx::MoreThan),
    ("以下", Approx::LessThan),
    ("以内", Approx::LessThan),
    ("之内", Approx::LessThan),
    ("左右", Approx::About),
    ("上下", Approx::About),
    ("许", Approx::About),
];

/// Words that make a bare 百/千/万 a figure: `上万人`, `数百名`, `几十万`.
/// `Some(approx)` reads the number as at least its place; `None` as the vague range
/// two to nine times it (the spec's `几十` → `[20, 90]`).
const VAGUE_LEADS: &[(&str, Option<Approx>)] = &[
    ("上", Some(Approx::MoreThan)),
    ("过", Some(Approx::MoreThan)),
    ("几", None),
    ("数", None),
];

/// Particles that a relative duration keeps in its span (`两年前`, `22年来`).
const DURATION_PARTICLES: &str = "以来 来 前";

/// After a date: what narrows or extends it, and how its value changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateTail {
    /// Part of the period, same value (`2024年初`, `6月底`, `2025年度`, `2014年以来`).
    Same,
    /// A quarter of the year: `一季度` → `Q1`.
    Quarter(u8),
    /// A half of the year: `上半年` → `H1`.
    Half(u8),
}

/// What may follow `N年` or `N月` inside a date's span.
const DATE_TAILS: &[(&str, DateTail)] = &[
    ("以来", DateTail::Same),
    ("初", DateTail::Same),
    ("底", DateTail::Same),
    ("末", DateTail::Same),
    ("中", DateTail::Same),
    ("年度", DateTail::Same),
    ("度", DateTail::Same),
    ("份", DateTail::Same),
    ("上旬", DateTail::Same),
    ("中旬", DateTail::Same),
    ("下旬", DateTail::Same),
    ("春", DateTail::Same),
    ("夏", DateTail::Same),
    ("秋", DateTail::Same),
    ("冬", DateTail::Same),
    ("春季", DateTail::Same),
    ("夏季", DateTail::Same),
    ("秋季", DateTail::Same),
    ("冬季", DateTail::Same),
    ("上半年", DateTail::Half(1)),
    ("下半年", DateTail::Half(2)),
    ("一季度", DateTail::Quarter(1)),
    ("二季度", DateTail::Quarter(2)),
    ("三季度", DateTail::Quarter(3)),
    ("四季度", DateTail::Quarter(4)),
    ("第一季度", DateTail::Quarter(1)),
    ("第二季度", DateTail::Quarter(2)),
    ("第三季度", DateTail::Quarter(3)),
    ("第四季度", DateTail::Quarter(4)),
];

/// Words that open with a one-character date tail but are other words: after `N年` the
/// tail is not read when one of these starts there and is longer (`2019年中国经济` is
/// `2019年` + `中国`, `2018年春节` is not `2018年春`, `2022年冬奥会` not `2022年冬`).
const NOT_DATE_TAILS: &str = concat!(
    // 中: country, party, centre, places, levels, sectors and enterprises.
    "中国 中华 中央 中共 中心 中山 中原 中部 中东 中西 中外 中方 中欧 中美 中非 中俄 ",
    "中日 中韩 中老 中亚 中资 中药 中医 中草药 中小 中学 中专 中职 中考 中层 中级 ",
    "中等 中型 中长期 中标 中铁 中建 中交 中冶 中石油 中石化 中粮 中信 中行 中航 ",
    "中科院 中青 中超 中秋 中老年 中青年 中低 中高 ",
    // 初, 底, 末: words of their own.
    "初心 初中 初步 初级 初赛 初审 初检 初选 初稿 初创 底线 底数 底层 底色 底气 ",
    "末端 末位 末梢 ",
    // Seasons that begin other words: festivals, harvests, games, campaigns.
    "春节 春运 春耕 春播 春茶 春晚 春训 春招 春游 夏粮 夏收 夏种 夏管 夏令营 ",
    "秋收 秋粮 秋种 秋播 秋冬 秋招 冬奥 冬奥会 冬残奥会 冬训 冬修 冬春 冬季奥运会 ",
    // 度: a degree, not a year (`2019年度` stays a date).
    "度过 ",
);

/// Units of temperature: after `零下` their number is below zero (`零下5℃` → −5). The
/// flag says whether a minus sign does the same: not for `度` and `°`, which also
/// measure electricity and angles.
pub const TEMPERATURE_UNITS: &[(&str, bool)] = &[
    ("℃", true),
    ("摄氏度", true),
    ("°F", true),
    ("℉", true),
    ("度", false),
    ("°", false),
];

/// Words before a clock time; the number is how many hours they add (`下午3点` → 15:00).
const TIME_OF_DAY: &[(&str, u8)] = &[
    ("上午", 0),
    ("早上", 0),
    ("早晨", 0),
    ("清晨", 0),
    ("凌晨", 0),
    ("中午", 0),
    ("下午", 12),
    ("午后", 12),
    ("傍晚", 12),
    ("晚上", 12),
    ("晚间", 12),
    ("夜间", 12),
    ("深夜", 12),
    ("今晚", 12),
];

/// Words that contain a numeral but state no quantity, and set phrases in which a
/// number is not a figure. A figure that starts at the same place wins only when it is
/// longer (`十分钟` is a figure, `十分` is not).
const NOT_FIGURES: &str = concat!(
    // The spec's list.
    "一些 一起 统一 一直 一批 一方面 进一步 一线 万一 一般 一定 一系列 ",
    "一体化 唯一 千方百计 四面八方 一把手 第一书记 两口子 一年来 一场意外 ",
    // Adverbs, conjunctions and set words built on 一.
    "一样 一致 一切 一同 一道 一齐 一再 一律 一向 一旦 一度 一举 一如既往 ",
    "一流 一手 一心 一意 一门心思 一揽子 一站式 一条龙 一刀切 一窝蜂 ",
    "一盘棋 一贯 一味 一时 一番 一面 一边 一阵 一下 一下子 一点 一点儿 ",
    "一会儿 一连 一共 一经 一则 一来 一体 一次性 一对一 一帮一 一年四季 ",
    "一年一度 一天天 一年年 一步步 一天到晚 一辈子 一生 一带 一方 一侧 ",
    "一旁 一头 一家人 一环 一员 一席之地 一臂之力 一己 一把 一下来 一路 ",
    "一整套 一大批 一大早 一大片 一个个 一件件 一项项 一次次 一位位 ",
    "一年多来 逐一 专一 单一 同一 划一 合一 之一 不一 第一时间 第一责任人 ",
    "第一线 第一手 第三方 第一要务 第一动力 第一资源 第一生产力 ",
    // Idioms.
    "九牛一毛 一五一十 十全十美 十分 三心二意 五湖四海 七上八下 乱七八糟 ",
    "四通八达 五花八门 一心一意 三番五次 丢三落四 横七竖八 七嘴八舌 ",
    "接二连三 千千万万 成千上万 千家万户 万众一心 千军万马 万无一失 ",
    "三令五申 三天两头 一干二净 独一无二 说一不二 一清二楚 一穷二白 ",
    "三三两两 四平八稳 九死一生 五颜六色 十有八九 十之八九 百分之百 ",
    "一成不变 两面 两手抓 数以万计 数以千计 数以百计 万里长城 一举两得 ",
    "一石二鸟 三言两语 半信半疑 半途而废 一知半解 千篇一律 一年半载 ",
    "十万火急 百万雄师 三位一体 一国两制 ",
    // How many digits a number has (`两位数增长`), not how many of something.
    "一位数 两位数 二位数 三位数 四位数 五位数 六位数 七位数 八位数 九位数 十位数 ",
    // Words whose numeral and the character after it read as a number and a measure
    // word but are a word of their own: places and shapes (长三角, 三角洲; 三角钱 stays
    // money), directions (四处, 两头), couples (老两口) and the sectors (三次产业; in
    // 一次产业, 一 is an article already).
    "长三角 珠三角 金三角 三角洲 三角形 三角地 四处 两头 老两口 小两口 ",
    "二次产业 三次产业 ",
    // Things named with a numeral and a measure word: vehicles, parts, a series of
    // works, every direction (礼敬八方客).
    "三轮车 零部件 三部曲 四部曲 八方 ",
    // Place names whose numeral is followed by a measure word.
    "七台河 五台山 三门峡 六盘水 九台 四平 二连浩特 ",
);

/// After `第N`: words that make it a title, a name or a list opener, not an ordinal.
const NOT_ORDINAL_AFTER: &str =
    "届 次会议 次全体会议 次代表大会 次全会 次全国 次党代会 版 页 号 期间";

// ---------------------------------------------------------------- initiatives

/// Generic head nouns that follow a quoted name and belong to it (spec section 2,
/// form 1): `“头雁”工程`, `“两学一做”学习教育`, `“回头看”专项工作`. Multi-character only:
/// the shortest tail that ends in one of these closes the name, so a one-character head
/// would cut `“X”制度` short.
const HEAD_NOUNS: &str = concat!(
    "工程 计划 行动 活动 模式 机制 制度 工作法 标准 战略 政策 项目 ",
    "学习教育 专项工作 攻坚战 建设 工作 规划 改革 综合改革 改造 决策程序 ",
    "发展思路 思路 扶贫 体系 理念 行动计划 专项行动 专项斗争 专项整治 试点 ",
    "战役 保卫战 会战 教育 实践活动 工作机制 责任制 负责制 举措 措施 经验 ",
    "做法 品牌 平台 创建 大赛 竞赛 争霸赛 评选 专题展 主题展 工作室 方针 ",
    "原则 格局 战略部署 三年行动 示范区建设 示范创建 总体要求 发展战略 目标 ",
    "课程 联盟 ",
);

/// Heads that name the work done on a programme, not a kind of programme: a quoted
/// name's head is not continued by them (`“菜篮子”工程建设` is building the 工程).
/// Nor by 目标, the plan's goals (`“十四五”规划目标`).
pub const ACTIVITY_HEADS: &[[char; 2]] = &[['建', '设'], ['工', '作'], ['目', '标']];

/// Heads that an established name takes into itself when they follow it at once
/// (`退耕还林工程`, `新农合制度`): the programme's own kind, not a project or a policy
/// under it (`以工代赈项目`, `以工代赈政策`).
pub const NAME_CONTINUING_HEADS: &[[char; 2]] = &[['工', '程'], ['制', '度']];

/// What a quoted name may itself end in that marks it as a programme (`“组工干部联片
/// 负责制”`, `“五大举措”`): the head nouns, plus 制 for responsibility systems.
const NAME_ENDINGS: &str = concat!(
    "制 举措 工程 行动 计划 机制 模式 战略 活动 工作法 攻坚战 专项行动 ",
    "专项斗争 行动计划 工作机制 ",
);

/// Heads that close an unquoted name found by reading back to a clear left boundary
/// (`拆炉并网工程`, `平安城市创建工程`). Stricter than [`HEAD_NOUNS`]: 建设, 工作, 活动
/// end too many ordinary phrases (`基层党组织建设`), and 模式 ends kinds of model
/// (`现代治理模式`, `新消费模式`: five of five in the precision audit) more often than
/// names, which are quoted (`“先诊疗后付费”模式`) or established.
const UNQUOTED_HEADS: &str = concat!(
    "工程 战略 行动 攻坚战 专项斗争 专项行动 普查 责任制 负责制 ",
    "行动计划 示范工程 ",
);

/// Words of physical works: a name that holds one (`两河圣山供水工程`, `东海写字楼土建
/// 工程`, `城区绿化工程`, `对外承包工程`) is a construction project or its statistics, not
/// a programme.
const PHYSICAL_WORKS: &str = concat!(
    "供水 供热 供电 供气 排水 污水 道路 公路 铁路 高速 桥 隧道 线路 管网 ",
    "管道 电缆 土建 写字楼 大厦 广场 市场 商场 酒店 沟渠 水库 水渠 河道 ",
    "堤防 修缮 装修 厂房 园区 小区 住宅 安置房 棚户区 楼 馆 站 场馆 医院 ",
    "学校 幼儿园 机场 港口 码头 电站 矿 改扩建 扩建 绿化 污泥 改造 市政 承包 ",
);

/// Words after which an unquoted name begins: verbs that take a programme as object,
/// prepositions, conjunctions and particles.
const NAME_LEFT_BOUNDARIES: &str = concat!(
    "的 了 和 与 及 或 在 对 把 将 为 以 从 由 向 给 被 让 使 是 有 等 并 ",
    "且 即 实施 推进 开展 推行 采取 完成 加快 启动 落实 推动 实行 建立 ",
    "健全 深化 加强 抓好 做好 开工 建成 打造 创建 探索 围绕 参与 通过 深入 ",
    "扎实 大力 积极 继续 持续 着力 顺利 组织 鼓励 支持 引导 申报 获批 下达 ",
    "安排 启用 参加 发起 举办 承办 全面 还 也 又 都 已 正 要 需 应 可 能 ",
    "共 再 创新 推广 构建 完善 建设 发展 ",
);

/// One-character adverbs and modals among the boundary words: what follows them is a
/// verb, so a name read back to one of them does not open with the verb
/// (`要` + `服务` + `区域战略`).
pub const MODALS: &[char] = &[
    '要', '应', '需', '能', '可', '将', '会', '正', '已', '还', '也', '都', '再', '又', '并',
];

/// Words that open with a one-character boundary word of [`NAME_LEFT_BOUNDARIES`] but
/// are content words (at most four characters), so that character does not end the
/// text before a name:
/// `实施` + `和美乡村示范工程`, not `和` + `美乡村…`; `推进` + `应急管理提升工程`.
const WORDS_OPENING_WITH_A_BOUNDARY: &str = concat!(
    "和美 和谐 和平 在线 对口 对外 为民 为农 以旧换新 从业 给水 给排水 使用 ",
    "有机 有色 有序 有效 并网 都市 正能量 要素 需求 应急 应用 可持续 可再生 ",
    "能源 能力 能效 共享 共建 共治 共同 共富 共青团 再生 再就业 再造 及时 ",
);

/// Verbs and particles that a name read back from its head cannot end in: the head is
/// their object (`群众参加` + `工程`).
const VERBS_BEFORE_OBJECT: &str = concat!(
    "参加 参与 加入 开展 实施 推进 建设 完成 承担 申报 了 和 与 及 等 的 ",
    "在 到 个 项 类 ",
);

/// Nouns that a programme name modifies when it is used as an attribute, not named:
/// `易地搬迁` + `群众`, `乡村振兴` + `重点帮扶县`, `乡村振兴` + `补助资金`.
const MODIFIED_NOUNS: &str = concat!(
    "群众 脱贫 户 人口 农民 家庭 对象 重点 帮扶县 县 补助 资金 讲习 示范村 ",
    "示范县 示范区 试点县 试点村 ",
);

/// Bodies too generic to name a programme (`重点项目`, `民生工程`, `各类活动`).
const GENERIC_NAME_PARTS: &str = concat!(
    "重点 重大 各类 各项 相关 有关 这些 该 此 其他 民生 基础设施 在建 新建 ",
    "续建 一批 一项 一个 多个 部分 全部 所有 主要 大型 小型 类 个 项 这 那 ",
    "每 各 本 其 性 专项 集中 ",
);

/// Words right after a quote that make it the name of an organisation, a group of
/// people or an award, not of a programme (`“两委”干部`, `“两新”组织`, `“…示范区”称号`);
/// or a description of a phenomenon, a trend, a scene or a class of goods, also after
/// 的 (`“一票难求”现象`, `“六涨一平一降”的态势`, `“三无”产品`).
const NOT_PROGRAMME_AFTER: &str = concat!(
    "干部 组织 党员 群众 称号 荣誉 档次 人员 企业 公司 团 队 家庭 户 村 ",
    "小组 成员 代表 人士 商户 号 牌 院士 委员 现象 态势 场面 景象 局面 产品 ",
);

/// What a quoted name alone ends in when it names a fund, a body, a platform, a product
/// or a place, not a programme (`“科创基金”`, `“海上风电数字运维平台”`, `“农创客贷”`,
/// `“草原音乐之城”`).
const BODY_ENDINGS: &str = concat!(
    "基金 中心 平台 公司 集团 银行 医院 卫生院 学校 大学 之城 之乡 之都 街区 商圈 ",
    "小镇 贷 号 系统 大脑 ",
);

/// Words right before a quote that make it a nickname, a grade or an award
/// (`被称为“经济断裂带”`, `评为“不合格”`, `入选“十大考古新发现”`), not a programme.
const NAMING_VERBS: &str = concat!(
    "称为 被称为 誉为 被誉为 号称 俗称 叫做 称作 所谓 评为 被评为 列为 ",
    "定为 入选 荣获 获评 ",
);

/// Verbs before a quote that take a programme as their object: evidence that a quoted
/// name with no head noun is one (`开展“回头看”`, `打造“两个中心”`).
const PROGRAMME_VERBS: &str = concat!(
    "开展 实施 推行 推进 落实 深化 启动 打造 建立 实行 执行 坚持 贯彻 推广 ",
    "创建 开启 部署 完成 编制 践行 ",
);

/// Pronouns that make a quotation speech, not a name.
pub const SPEECH_PRONOUNS: &[char] = &['我', '你', '他', '她', '咱', '您', '俺'];

/// Punctuation inside a quotation that makes it a sentence, not a name.
pub const SENTENCE_PUNCTUATION: &[char] = &[
    '，', '。', '！', '？', '；', '：', '…', ',', '.', '!', '?', ';', ':',
];

/// The programme words of unquoted numeric slogans: `五大举措`, `四个意识`, `八项规定`.
const SLOGAN_WORDS: &str = concat!(
    "举措 工程 行动 意识 自信 全面 维护 确立 代表 规定 战略 攻坚战 ",
    "发展理念 专项行动 行动计划 保障 坚持 倡议 ",
);

// ---------------------------------------------------------------- documents

/// The ends of a document title that make it a policy document (spec section 3): a law,
/// regulation, plan, opinion, notice, decision or report. Anything else is a
/// publication (`《人民日报》`, `《乡镇党校简明教程》`).
const POLICY_ENDINGS: &str = concat!(
    "意见 方案 办法 规定 通知 决定 规划 计划 条例 法 纲要 细则 报告 通告 ",
    "公告 决议 准则 章程 规则 措施 法案 指南 清单 批复 函 令 标准 规范 ",
    "守则 议案 提案 建议 意见稿 草案 若干规定 实施方案 行动方案 法典 公报 ",
);

/// Every table, compiled into longest-match tries once, on first use, in one place.
struct Tables {
    head_nouns: WordTable<()>,
    name_endings: WordTable<()>,
    unquoted_heads: WordTable<()>,
    name_left_boundaries: WordTable<()>,
    words_opening_with_a_boundary: WordTable<()>,
    generic_name_parts: WordTable<()>,
    physical_works: WordTable<()>,
    verbs_before_object: WordTable<()>,
    modified_nouns: WordTable<()>,
    not_programme_after: WordTable<()>,
    naming_verbs: WordTable<()>,
    body_endings: WordTable<()>,
    programme_verbs: WordTable<()>,
    slogan_words: WordTable<()>,
    policy_endings: WordTable<()>,
    duration_particles: WordTable<()>,
    not_figures: WordTable<()>,
    not_ordinal_after: WordTable<()>,
    established_names: WordTable<()>,
    nonname_words: WordTable<()>,
    function_words: WordTable<()>,
    units: WordTable<Unit>,
    approx_before: WordTable<Approx>,
    approx_after_number: WordTable<Approx>,
    approx_after_unit: WordTable<Approx>,
    vague_leads: WordTable<Option<Approx>>,
    date_tails: WordTable<DateTail>,
    not_date_tails: WordTable<()>,
    time_of_day: WordTable<u8>,
}

/// The word tables kept as data, one after the other: the established names, one per
/// line (`data/initiatives.txt`), then the words a name never opens with, in two
/// sections that open with `[verbs]` and `[function words]` (`data/nonname-words.txt`,
/// built from jieba's dictionary by `tools/lexicon.py`), without their comments
/// (build.rs). Native builds carry them; the page's module is given them by its harness
/// (`set_word_tables`), which fetches them beside the module, so that tables that grow
/// with the vocabulary are data, not code of the download.
#[cfg(not(target_arch = "wasm32"))]
fn word_tables() -> &'static str {
    concat!(
        include_str!(concat!(env!("OUT_DIR"), "/initiatives.txt")),
        "\n",
        include_str!(concat!(env!("OUT_DIR"), "/nonname-words.txt")),
    )
}

#[cfg(target_arch = "wasm32")]
static WORD_TABLES: OnceLock<String> = OnceLock::new();

#[cfg(target_arch = "wasm32")]
fn word_tables() -> &'static str {
    WORD_TABLES.get().map_or("", String::as_str)
}

/// Gives the page's module its word tables: the established names' file and the
/// non-name words' file, one after the other. Only the first call counts, and it must
/// come before any text is read (the harness makes it on loading).
#[cfg(target_arch = "wasm32")]
pub fn set_word_tables(tables: String) {
    let _ = WORD_TABLES.set(tables);
}

/// What follows the next section heading's opening `[` in `tables`, heading line and
/// all (a word no Chinese text holds).
fn after_heading(tables: &'static str) -> &'static str {
    tables.split_once('[').map_or("", |(_, rest)| rest)
}

/// The established names: the word tables up to the first section heading.
fn established_names_list() -> &'static str {
    let tables = word_tables();
    tables.split_once('[').map_or(tables, |(names, _)| names)
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| Tables {
        head_nouns: WordTable::of_words(HEAD_NOUNS.split_whitespace()),
        name_endings: WordTable::of_words(NAME_ENDINGS.split_whitespace()),
        unquoted_heads: WordTable::of_words(UNQUOTED_HEADS.split_whitespace()),
        name_left_boundaries: WordTable::of_words(NAME_LEFT_BOUNDARIES.split_whitespace()),
        words_opening_with_a_boundary: WordTable::of_words(
            WORDS_OPENING_WITH_A_BOUNDARY.split_whitespace(),
        ),
        generic_name_parts: WordTable::of_words(GENERIC_NAME_PARTS.split_whitespace()),
        physical_works: WordTable::of_words(PHYSICAL_WORKS.split_whitespace()),
        verbs_before_object: WordTable::of_words(VERBS_BEFORE_OBJECT.split_whitespace()),
        modified_nouns: WordTable::of_words(MODIFIED_NOUNS.split_whitespace()),
        not_programme_after: WordTable::of_words(NOT_PROGRAMME_AFTER.split_whitespace()),
        naming_verbs: WordTable::of_words(NAMING_VERBS.split_whitespace()),
        body_endings: WordTable::of_words(BODY_ENDINGS.split_whitespace()),
        programme_verbs: WordTable::of_words(PROGRAMME_VERBS.split_whitespace()),
        slogan_words: WordTable::of_words(SLOGAN_WORDS.split_whitespace()),
        policy_endings: WordTable::of_words(POLICY_ENDINGS.split_whitespace()),
        duration_particles: WordTable::of_words(DURATION_PARTICLES.split_whitespace()),
        not_figures: WordTable::of_words(NOT_FIGURES.split_whitespace()),
        not_ordinal_after: WordTable::of_words(NOT_ORDINAL_AFTER.split_whitespace()),
        established_names: WordTable::of_words(established_names_list().lines()),
        nonname_words: WordTable::of_words(after_heading(word_tables()).lines()),
        function_words: WordTable::of_words(after_heading(after_heading(word_tables())).lines()),
        units: WordTable::of_rows(unit_rows()),
        approx_before: WordTable::new(APPROX_BEFORE),
        approx_after_number: WordTable::new(APPROX_AFTER_NUMBER),
        approx_after_unit: WordTable::new(APPROX_AFTER_UNIT),
        vague_leads: WordTable::new(VAGUE_LEADS),
        date_tails: WordTable::new(DATE_TAILS),
        not_date_tails: WordTable::of_words(NOT_DATE_TAILS.split_whitespace()),
        time_of_day: WordTable::new(TIME_OF_DAY),
    })
}

macro_rules! accessors {
    ($($name:ident: $t:ty),* $(,)?) => {
        $(pub fn $name() -> &'static WordTable<$t> {
            &tables().$name
        })*
    };
}

accessors!(
    head_nouns: (),
    name_endings: (),
    unquoted_heads: (),
    name_left_boundaries: (),
    words_opening_with_a_boundary: (),
    generic_name_parts: (),
    physical_works: (),
    verbs_before_object: (),
    modified_nouns: (),
    not_programme_after: (),
    naming_verbs: (),
    body_endings: (),
    programme_verbs: (),
    slogan_words: (),
    policy_endings: (),
    duration_particles: (),
    not_figures: (),
    not_ordinal_after: (),
    established_names: (),
    nonname_words: (),
    function_words: (),
    units: Unit,
    approx_before: Approx,
    approx_after_number: Approx,
    approx_after_unit: Approx,
    vague_leads: Option<Approx>,
    date_tails: DateTail,
    not_date_tails: (),
    time_of_day: u8,
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::chars_of;

    #[test]
    fn tables_have_no_duplicate_words() {
        fn check(name: &str, words: Vec<&str>) {
            let mut seen = std::collections::HashSet::new();
            for w in words {
                assert!(seen.insert(w), "{name}: {w} listed twice");
            }
        }
        check("UNITS", unit_rows().map(|(w, _)| w).collect());
        check("NOT_FIGURES", NOT_FIGURES.split_whitespace().collect());
        check(
            "APPROX_BEFORE",
            APPROX_BEFORE.iter().map(|(w, _)| *w).collect(),
        );
        check("DATE_TAILS", DATE_TAILS.iter().map(|(w, _)| *w).collect());
    }

    /// `initiative::unquoted` looks back at most four characters for these words, and
    /// each must open with a one-character boundary word, or it changes nothing.
    #[test]
    fn words_opening_with_a_boundary_are_short_and_open_with_one() {
        let boundaries: Vec<&str> = NAME_LEFT_BOUNDARIES.split_whitespace().collect();
        for w in WORDS_OPENING_WITH_A_BOUNDARY.split_whitespace() {
            let first = w.chars().next().unwrap().to_string();
            assert!(w.chars().count() <= 4, "{w} is longer than four characters");
            assert!(
                boundaries.contains(&first.as_str()),
                "{w} opens with no boundary word"
            );
        }
    }

    #[test]
    fn every_percent_is_reported_as_percent_sign() {
        for w in ["%", "％", "个百分点", "百分点"] {
            let (_, u) = units().longest_at(&chars_of(w), 0).unwrap();
            assert_eq!(u.reported, "%", "{w}");
        }
    }

    #[test]
    fn longest_unit_wins() {
        let (len, u) = units().longest_at(&chars_of("人次参加"), 0).unwrap();
        assert_eq!((len, u.reported), (2, "人次"));
        let (len, u) = units().longest_at(&chars_of("期间"), 0).unwrap();
        assert_eq!((len, u.class), (2, UnitClass::NotAUnit));
    }
}
