//! The DOM layer in real headless Chromium (wasm-bindgen-test, chromedriver): the text
//! model, offsets, both renderings, dynamic pages and the safety promises, each in
//! both modes where the mode matters. (The JS API's options object and its `observe`
//! option belong to `www/zhupi.js`; they are tested end to end, in
//! `tests/e2e/api.test.mjs`.)
//!
//! Run with `make test-dom` (or `cargo test --target wasm32-unknown-unknown --test dom`
//! with CHROMEDRIVER=/usr/bin/chromedriver).

#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Document, Element, HtmlElement, Node};
use zhupi::dom::{annotate, check_terms, set_word_tables, Annotation};

wasm_bindgen_test_configure!(run_in_browser);

const CSS: &str = include_str!("../../../www/zhupi.css");
const MODES: [&str; 2] = ["highlight", "wrap"];

fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Gives the module its word tables, as the harness does on loading (once: only the
/// first call counts).
fn give_word_tables() {
    let uncommented = |file: &str| {
        let lines: Vec<&str> = file
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        lines.join("\n")
    };
    set_word_tables(
        uncommented(include_str!("../../zhupi-core/data/initiatives.txt"))
            + "\n"
            + &uncommented(include_str!("../../zhupi-core/data/nonname-words.txt")),
    );
}

/// A fresh element with `html` inside, in the document's body.
fn fixture(html: &str) -> Element {
    give_word_tables();
    let el = document().create_element("div").unwrap();
    el.set_inner_html(html);
    document().body().unwrap().append_child(&el).unwrap();
    el
}

/// What `annotate` is asked to do, as `www/zhupi.js` passes it.
struct Settings<'a> {
    mode: &'a str,
    frames: bool,
    /// (text, index in `Kind::ALL`)
    terms: &'a [(&'a str, u8)],
}

const ALL_KINDS: u8 = 0b111;

impl Settings<'_> {
    fn annotate(&self, root: &Element) -> Result<Annotation, wasm_bindgen::JsError> {
        let texts = self.terms.iter().map(|(t, _)| t.to_string()).collect();
        let kinds: Vec<u8> = self.terms.iter().map(|(_, k)| *k).collect();
        let wrap = self.mode == "wrap";
        annotate(
            root.clone(),
            JsValue::NULL, // a named root: no article finder
            ALL_KINDS,
            wrap,
            self.frames,
            texts,
            &kinds,
            CSS.into(),
        )
    }
}

fn run(root: &Element, mode: &str) -> Annotation {
    let settings = Settings {
        mode,
        frames: false,
        terms: &[],
    };
    settings.annotate(root).unwrap()
}

#[derive(Debug, serde::Deserialize)]
struct Found {
    text: String,
    start: usize,
    end: usize,
}

fn entities(a: &Annotation) -> Vec<Found> {
    serde_json::from_str(&a.entities_json()).unwrap()
}

fn texts(a: &Annotation) -> Vec<String> {
    entities(a).into_iter().map(|e| e.text).collect()
}

fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &key.into()).unwrap()
}

/// The text each range of a highlight covers, as the page shows it.
fn highlighted(name: &str) -> Vec<String> {
    let registry = get(&get(&js_sys::global(), "CSS"), "highlights");
    let h = registry.unchecked_ref::<js_sys::Map>().get(&name.into());
    if h.is_undefined() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for r in js_sys::try_iter(&h).unwrap().unwrap() {
        let r = r.unwrap();
        let live = document().create_range().unwrap();
        let (sc, ec): (Node, Node) = (
            get(&r, "startContainer").unchecked_into(),
            get(&r, "endContainer").unchecked_into(),
        );
        live.set_start(&sc, get(&r, "startOffset").as_f64().unwrap() as u32)
            .unwrap();
        live.set_end(&ec, get(&r, "endOffset").as_f64().unwrap() as u32)
            .unwrap();
        out.push(String::from(live.to_string()));
    }
    out.sort();
    out
}

/// The text of every marked entity in `root`, by kind class: an entity over several
/// text nodes has a mark in each, with one `data-zhupi-id`.
fn marked(root: &Element, kind: &str) -> Vec<String> {
    let list = root
        .query_selector_all(&format!("mark.zhupi.zhupi-{kind}"))
        .unwrap();
    let mut by_id: Vec<(String, String)> = Vec::new();
    for k in 0..list.length() {
        let m: Element = list.item(k).unwrap().unchecked_into();
        let id = m.get_attribute("data-zhupi-id").unwrap();
        let text = m.text_content().unwrap();
        match by_id.iter_mut().find(|(i, _)| *i == id) {
            Some((_, t)) => t.push_str(&text),
            None => by_id.push((id, text)),
        }
    }
    let mut out: Vec<String> = by_id.into_iter().map(|(_, t)| t).collect();
    out.sort();
    out
}

fn shown(root: &Element, mode: &str, kind: &str) -> Vec<String> {
    if mode == "highlight" {
        highlighted(&format!("zhupi-{kind}"))
    } else {
        marked(root, kind)
    }
}

fn count_text_nodes(node: &Node) -> usize {
    let mut n = usize::from(node.node_type() == Node::TEXT_NODE);
    let mut c = node.first_child();
    while let Some(child) = c {
        n += count_text_nodes(&child);
        c = child.next_sibling();
    }
    n
}

async fn sleep(ms: i32) {
    let p = Promise::new(&mut |resolve: Function, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(p).await.unwrap();
}

// ------------------------------------------------------------ text model

#[wasm_bindgen_test]
fn inline_elements_are_continuous_text() {
    for mode in MODES {
        let root = fixture("<p>同比增长<b>12.5</b>%，<em>共</em><a href='#'>3.4</a>7万人</p>");
        let a = run(&root, mode);
        assert_eq!(texts(&a), ["12.5%", "3.47万人"], "{mode}");
        assert_eq!(
            shown(&root, mode, "figure"),
            ["12.5%", "3.47万人"],
            "{mode}"
        );
        a.clear();
        root.remove();
    }
}

#[wasm_bindgen_test]
fn blocks_and_line_breaks_are_boundaries() {
    let root = fixture("<p>共有48</p><p>个村</p><div>增长9</div><div>%</div>达到7<br>个");
    let a = run(&root, "highlight");
    assert!(texts(&a).is_empty(), "{:?}", texts(&a));
    a.clear();
    root.remove();
}

#[wasm_bindgen_test]
fn skipped_content_is_not_read() {
    let root = fixture(
        "<script>var a = '48个';</script><style>/* 48个 */</style><noscript>48个</noscript>\
         <template>48个</template><textarea>48个</textarea><input value='48个'>\
         <select><option>48个</option></select><div contenteditable>48个</div>\
         <div data-zhupi-skip>48个</div><div hidden>48个</div><div aria-hidden='true'>48个</div>\
         <div data-zhupi-ui>48个</div><p>读到19名</p>",
    );
    let a = run(&root, "highlight");
    assert_eq!(texts(&a), ["19名"]);
    a.clear();
    root.remove();
}

#[wasm_bindgen_test]
fn open_shadow_roots_are_entered_and_styled() {
    for mode in MODES {
        let root = fixture("<p>外面有5个</p><section></section>");
        let host = root.query_selector("section").unwrap().unwrap();
        let init = web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open);
        let shadow = host.attach_shadow(&init).unwrap();
        shadow.set_inner_html("<p>里面有7名党员</p>");
        let a = run(&root, mode);
        assert_eq!(texts(&a), ["5个", "7名"], "{mode}");
        let sheets = || {
            get(&shadow, "adoptedStyleSheets")
                .unchecked_into::<Array>()
                .length()
        };
        assert_eq!(
            sheets(),
            1,
            "{mode}: the shadow root adopts zhupi's stylesheet"
        );
        a.clear();
        // The sheet styles only zhupi's names and stays adopted (dropping and adopting
        // it again would recompute every element's style); it is never adopted twice.
        assert_eq!(sheets(), 1, "{mode}");
        let again = run(&root, mode);
        assert_eq!(sheets(), 1, "{mode}");
        again.clear();
        root.remove();
    }
}

#[wasm_bindgen_test]
async fn same_origin_frames_only_with_the_frames_option() {
    let root = fixture("<p>外面有5个</p><iframe srcdoc='<p>框里有9名</p>'></iframe>");
    let frame: web_sys::HtmlIFrameElement = root
        .query_selector("iframe")
        .unwrap()
        .unwrap()
        .unchecked_into();
    for _ in 0..50 {
        if frame
            .content_document()
            .and_then(|d| d.body())
            .is_some_and(|b| b.text_content().unwrap_or_default().contains('名'))
        {
            break;
        }
        sleep(20).await;
    }
    let without = run(&root, "highlight");
    assert_eq!(texts(&without), ["5个"]);
    without.clear();
    let frames = Settings {
        mode: "highlight",
        frames: true,
        terms: &[],
    };
    let with = frames.annotate(&root).unwrap();
    assert_eq!(texts(&with), ["5个", "9名"]);
    with.clear();
    root.remove();
}

// ------------------------------------------------------------ offsets

#[wasm_bindgen_test]
fn astral_and_full_width_characters_map_exactly() {
    for mode in MODES {
        let root = fixture("<p>😀增长５％，𠀀<b>３</b>名</p>");
        let settings = Settings {
            mode,
            frames: false,
            terms: &[("增长５％", 1)],
        };
        let a = settings.annotate(&root).unwrap();
        let found = entities(&a);
        assert_eq!(found[0].text, "增长５％");
        assert_eq!(
            (found[0].start, found[0].end),
            (1, 5),
            "code points, not UTF-16 units"
        );
        assert_eq!(found[1].text, "３名");
        assert_eq!(shown(&root, mode, "initiative"), ["增长５％"], "{mode}");
        assert_eq!(shown(&root, mode, "figure"), ["３名"], "{mode}");
        a.clear();
        root.remove();
    }
}

#[wasm_bindgen_test]
fn offsets_count_the_root_text_model() {
    let root = fixture("<p>第一段有3个</p><p>第二段有4名</p>");
    let a = run(&root, "highlight");
    let found = entities(&a);
    // "第一段有3个" (6) + "\n" + "第二段有" (4): the second figure starts at 11.
    assert_eq!((found[0].start, found[0].end), (4, 6));
    assert_eq!((found[1].start, found[1].end), (11, 13));
    a.clear();
    root.remove();
}

// ------------------------------------------------------------ rendering

#[wasm_bindgen_test]
fn highlight_mode_leaves_the_dom_untouched() {
    let root = fixture("<p>出台《关于加强镇级党校建设的意见》，实施“头雁”工程，覆盖48个镇街。</p>");
    let before = root.inner_html();
    let a = run(&root, "highlight");
    assert_eq!(a.mode(), "highlight");
    assert_eq!(root.inner_html(), before);
    assert_eq!(a.counts(), [1, 1, 1]);
    assert_eq!(
        highlighted("zhupi-document"),
        ["《关于加强镇级党校建设的意见》"]
    );
    assert_eq!(highlighted("zhupi-initiative"), ["“头雁”工程"]);
    assert_eq!(highlighted("zhupi-figure"), ["48个"]);
    a.clear();
    root.remove();
}

#[wasm_bindgen_test]
fn wrap_mode_marks_each_entity_and_never_a_table_child() {
    let root = fixture("<table><tbody><tr><td>共48个</td><td>3.47万人</td></tr></tbody></table><ul><li>19名</li></ul>");
    let a = run(&root, "wrap");
    assert_eq!(a.mode(), "wrap");
    let marks = root.query_selector_all("mark").unwrap();
    assert_eq!(marks.length(), 3);
    for k in 0..marks.length() {
        let m: Element = marks.item(k).unwrap().unchecked_into();
        assert_eq!(m.class_name().split(' ').next(), Some("zhupi"));
        assert!(m.class_list().contains("zhupi-figure"));
        assert!(m.get_attribute("data-zhupi-id").is_some());
        let parent = m.parent_element().unwrap().tag_name();
        assert!(
            !["TR", "TBODY", "TABLE", "UL", "OL", "SELECT"].contains(&parent.as_str()),
            "{parent}"
        );
    }
    a.clear();
    root.remove();
}

#[wasm_bindgen_test]
fn page_css_cannot_hide_the_marks() {
    let root = fixture("<style>mark { display: none; visibility: hidden; }</style><p>共48个</p>");
    let a = run(&root, "wrap");
    let mark: HtmlElement = root
        .query_selector("mark")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let style = web_sys::window()
        .unwrap()
        .get_computed_style(&mark)
        .unwrap()
        .unwrap();
    assert_eq!(style.get_property_value("display").unwrap(), "inline");
    assert_eq!(style.get_property_value("visibility").unwrap(), "visible");
    a.clear();
    root.remove();
}

// ------------------------------------------------------------ safety

#[wasm_bindgen_test]
fn clear_restores_the_page_exactly() {
    for mode in MODES {
        let root =
            fixture("<p>共<b>48</b>个，增长<i>9.1</i>%。实施“头雁”工程。</p><p>出台《意见》。</p>");
        let html = root.inner_html();
        let text = root.text_content();
        let nodes = count_text_nodes(&root);
        let first_text = root
            .query_selector("p")
            .unwrap()
            .unwrap()
            .first_child()
            .unwrap();
        let a = run(&root, mode);
        assert_eq!(
            root.text_content(),
            text,
            "{mode}: the page's text never changes"
        );
        a.clear();
        assert_eq!(root.inner_html(), html, "{mode}");
        assert_eq!(count_text_nodes(&root), nodes, "{mode}");
        let after = root
            .query_selector("p")
            .unwrap()
            .unwrap()
            .first_child()
            .unwrap();
        assert!(
            after.is_same_node(Some(&first_text)),
            "{mode}: the very same text node"
        );
        assert!(highlighted("zhupi-figure").is_empty(), "{mode}");
        assert!(root.query_selector("mark").unwrap().is_none(), "{mode}");
        root.remove();
    }
}

#[wasm_bindgen_test]
fn annotating_twice_gives_the_same_result() {
    for mode in MODES {
        let root = fixture("<p>共48个，增长9.1%。</p>");
        let first = run(&root, mode);
        let counts = first.counts();
        let html = root.inner_html();
        let second = run(&root, mode);
        assert_eq!(second.counts(), counts, "{mode}");
        assert_eq!(root.inner_html(), html, "{mode}");
        assert_eq!(shown(&root, mode, "figure"), ["48个", "9.1%"], "{mode}");
        second.clear();
        root.remove();
    }
}

#[wasm_bindgen_test]
fn bad_terms_are_clear_errors() {
    let root = fixture("<p>共48个</p>");
    for (terms, says) in [
        (&[("", 2u8)][..], "options.terms: term 0 has empty text"),
        (
            &[("千万工程", 1), ("两\n行", 1)][..],
            "term 1 holds a line break",
        ),
        (&[("千万工程", 7)][..], "options.terms: a kind out of range"),
    ] {
        let settings = Settings {
            mode: "highlight",
            frames: false,
            terms,
        };
        let err = settings.annotate(&root).err().expect(says);
        let message: String = get(&JsValue::from(err), "message").as_string().unwrap();
        assert!(
            message.starts_with("zhupi: ") && message.contains(says),
            "{says}: {message}"
        );
        // The extension's options page checks with the same words, touching no page.
        let texts = terms.iter().map(|(t, _)| t.to_string()).collect();
        let kinds: Vec<u8> = terms.iter().map(|(_, k)| *k).collect();
        let checked = check_terms(texts, &kinds).expect_err(says);
        let checked: String = get(&JsValue::from(checked), "message").as_string().unwrap();
        assert_eq!(checked, message, "{says}");
    }
    assert!(check_terms(vec!["千万工程".into()], &[1]).is_ok());
    assert!(check_terms(Vec::new(), &[]).is_ok());
    assert_eq!(root.inner_html(), "<p>共48个</p>");
    root.remove();
}

// Dynamic pages: `refresh()` (which the harness's observer calls) redoes only the
// blocks whose text or nodes changed.
#[wasm_bindgen_test]
fn refresh_redoes_only_the_blocks_that_changed() {
    let root = fixture("<p>不变的48个</p><p>会变的19名</p>");
    let a = run(&root, "highlight");
    let registry = get(&get(&js_sys::global(), "CSS"), "highlights");
    let figures = registry
        .unchecked_ref::<js_sys::Map>()
        .get(&"zhupi-figure".into());
    let ranges: Vec<JsValue> = js_sys::try_iter(&figures)
        .unwrap()
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let kept = ranges
        .iter()
        .find(|r| {
            get(r, "startContainer")
                .unchecked_ref::<Node>()
                .text_content()
                .unwrap()
                .contains("48")
        })
        .unwrap()
        .clone();
    let second: Element = root
        .query_selector_all("p")
        .unwrap()
        .item(1)
        .unwrap()
        .unchecked_into();
    second.set_text_content(Some("变成了3.47万人"));
    a.refresh().unwrap();
    assert_eq!(highlighted("zhupi-figure"), ["3.47万人", "48个"]);
    let has = Reflect::get(&figures, &"has".into())
        .unwrap()
        .unchecked_into::<Function>();
    assert!(
        has.call1(&figures, &kept).unwrap().is_truthy(),
        "the unchanged block kept its range"
    );
    a.clear();
    root.remove();
}

/// Annotates `root` as the harness does when the caller names no root: with a `story`
/// object, which the article finder fills in. Returns the annotation and the object.
fn find_story(root: &Element) -> (Annotation, js_sys::Object) {
    let story = js_sys::Object::new();
    let found = annotate(
        root.clone(),
        story.clone().into(),
        ALL_KINDS,
        false,
        false,
        Vec::new(),
        &[],
        CSS.into(),
    )
    .unwrap();
    (found, story)
}

/// A story among a site's navigation and a list of other headlines: without a named
/// root (a `story` object), only the story is read and marked, and `story.article` is
/// its box; with the root named, the whole root is read.
#[wasm_bindgen_test]
fn the_article_finder_reads_the_story_alone() {
    let root = fixture(
        r#"<ul class="nav"><li><a href="/">首页</a></li><li><a href="/a">五道口沙龙</a></li></ul>
        <div class="article-content" id="story">
          <p>今年以来，全市共完成造林面积3.2万亩，比去年同期增长12%，超额完成了年度任务。</p>
          <p>据介绍，全市已建成乡村振兴示范村48个，带动农民增收1.19万元，惠及群众5万多人次。</p>
          <p>下一步，该市将继续推进河长制，确保水质达标率稳定在90%以上。</p>
          <div class="related"><h3>相关阅读</h3><ul>
            <li><a href="/1">4小时前 全省新建5000个充电桩</a></li>
            <li><a href="/2">3小时前 一季度GDP增长5.3%</a></li></ul></div>
        </div>
        <div class="footer">Copyright © 2024 版权所有 京ICP备12345678号</div>"#,
    );
    let (found, story) = find_story(&root);
    let text = found.text();
    assert!(text.starts_with("今年以来"), "{text}");
    assert!(
        !text.contains("五道口") && !text.contains("4小时前") && !text.contains("2024"),
        "{text}"
    );
    let article = js_sys::Reflect::get(&story, &"article".into()).unwrap();
    let article: js_sys::Array = article.dyn_into().unwrap();
    assert_eq!(article.length(), 1);
    let element: Element = article.get(0).dyn_into().unwrap();
    assert_eq!(element.id(), "story");
    found.clear();
    let whole = run(&root, "highlight");
    assert!(whole.text().contains("4小时前"));
    whole.clear();
    root.remove();
}

/// A page of headlines alone has no article: nothing is read, and `story.article` is
/// null.
#[wasm_bindgen_test]
fn a_list_of_headlines_has_no_article() {
    let root = fixture(
        r#"<ul><li><a href="/1">全省新建5000个充电桩</a></li><li><a href="/2">一季度GDP增长5.3%</a></li>
        <li><a href="/3">3.2万亩新造林通过验收</a></li></ul>"#,
    );
    let (found, story) = find_story(&root);
    assert_eq!(found.text(), "");
    assert_eq!(found.counts(), vec![0, 0, 0]);
    assert!(js_sys::Reflect::get(&story, &"article".into())
        .unwrap()
        .is_null());
    found.clear();
    root.remove();
}

/// A story whose paragraphs sit in an open shadow root (a news site's web component):
/// the finder reads them with the page's one walk, keeps them and leaves the
/// navigation beside the host out.
#[wasm_bindgen_test]
fn the_article_finder_reads_a_story_in_an_open_shadow_root() {
    let root = fixture(
        r#"<ul class="nav"><li><a href="/">首页</a></li><li><a href="/a">五道口沙龙</a></li>
        <li><a href="/b">4小时前 全省新建5000个充电桩</a></li></ul>
        <news-body id="story"></news-body>
        <div class="footer">Copyright © 2024 版权所有</div>"#,
    );
    let host = root.query_selector("#story").unwrap().unwrap();
    let init = web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open);
    let shadow = host.attach_shadow(&init).unwrap();
    shadow.set_inner_html(
        "<p>今年以来，全市共完成造林面积3.2万亩，比去年同期增长12%，超额完成了年度任务。</p>\
         <p>据介绍，全市已建成乡村振兴示范村48个，带动农民增收1.19万元，惠及群众5万多人次。</p>",
    );
    let (found, story) = find_story(&root);
    let marked = texts(&found);
    assert!(marked.contains(&"3.2万亩".to_string()), "{marked:?}");
    assert!(marked.contains(&"1.19万元".to_string()), "{marked:?}");
    assert!(
        !marked
            .iter()
            .any(|t| t.contains("5000") || t.contains("2024")),
        "{marked:?}"
    );
    let article: js_sys::Array = js_sys::Reflect::get(&story, &"article".into())
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(article.length(), 1);
    found.clear();
    root.remove();
}
