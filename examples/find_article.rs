//! Runs the article finder natively on page outlines dumped from Chromium (dev loop).
//!   cargo run --example find_article -- OUTLINE.json... > out.json
use serde_json::Value;
use zhupi::article::{find, Block, Element, Outline, Tag};

fn main() {
    let mut out = serde_json::Map::new();
    for path in std::env::args().skip(1) {
        let v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let elements: Vec<Element> = v["tree"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                let parent = p[0].as_u64().unwrap() as usize;
                let code = p[1].as_u64().unwrap() as u32;
                Element {
                    parent: parent.checked_sub(1),
                    tag: Tag::from_code(code & 31),
                    positive: code & 32 != 0,
                    negative: code & 64 != 0,
                }
            })
            .collect();
        let texts: Vec<Vec<char>> = v["blocks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["text"].as_str().unwrap().chars().collect())
            .collect();
        let blocks: Vec<Block> = v["blocks"]
            .as_array()
            .unwrap()
            .iter()
            .zip(&texts)
            .map(|(b, t)| Block {
                element: b["owner"].as_u64().unwrap() as usize,
                text: t,
                link_chars: b["link"].as_u64().unwrap() as usize,
            })
            .collect();
        let outline = Outline { elements, blocks };
        let found = find(&outline);
        let text: String = match &found {
            Some(a) => outline
                .blocks
                .iter()
                .zip(&a.keep)
                .filter(|(_, &k)| k)
                .map(|(b, _)| b.text.iter().collect::<String>())
                .collect::<Vec<_>>()
                .join("\n"),
            None => String::new(),
        };
        let names = v["names"].as_array().unwrap();
        let chosen: Vec<&Value> = found
            .map(|a| a.containers.iter().map(|&c| &names[c]).collect())
            .unwrap_or_default();
        eprintln!("{path}: {chosen:?}");
        if std::env::var("SCORES").is_ok() {
            let scores = zhupi::article::score_containers(&outline);
            let mut order: Vec<usize> = (0..scores.len()).filter(|&e| scores[e] != 0.0).collect();
            order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
            for &e in order.iter().take(8) {
                eprintln!(
                    "   {:8.1} {} parent {:?}",
                    scores[e],
                    names[e],
                    outline.elements[e].parent.map(|p| &names[p])
                );
            }
        }
        let name = std::path::Path::new(&path)
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .to_string();
        out.insert(name, serde_json::json!({ "zhupi": text }));
    }
    println!("{}", Value::Object(out));
}
