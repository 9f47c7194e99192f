//! The metadata and tool lines of Chinese news pages, which the Latin-script patterns cannot see:
//! a labelled field ("来源：海港日报", "（责任编辑：李明）", "编辑： 张华  来源： 河岸晚报",
//! "2024.03.05 09:15 来源：北岸网"), a reporter's line ("本报记者 李明 王芳", "河岸晚报记者 陈刚",
//! "本报记者张华发自上海") and a row of article tools ("打印 关闭 收藏", "【 打印本稿 】"). (A tool alone on its line and a link to the previous or next article,
//! "上一篇： ...", are the multilingual phrase pass's: `heuristics::phrases`.)
//!
//! Policy: short lines only ([`MAX_CHARS`]), no sentence mark in a field or reporter line (a
//! sentence of the article that names its source, "凡注明“来源：...”的作品，...", stays), labels
//! and tools in simplified and traditional characters. A field or reporter line is a byline (the
//! guideline's "who wrote it, when, from where"); a tool row, a prompt.
//! The paragraph opening of wire copy ("本报讯 ...") is the article's and is no field.

use std::sync::LazyLock;

use regex::Regex;

use super::super::web_vocabulary::PROMPT_ALONE;

/// Most characters of a metadata or tool line.
const MAX_CHARS: usize = 80;

/// Most characters of a reporter's line.
const MAX_REPORTER_CHARS: usize = 40;

/// Whether `text` may be a Chinese line at all: its first byte is no ASCII letter (a Chinese
/// line opens with a Chinese character, a bracket or a date's digit; most lines of most pages
/// open with a letter, and stop at this one byte), and [`lead`].
fn may_be_chinese(text: &str) -> bool {
    text.as_bytes()
        .first()
        .is_some_and(|f| !f.is_ascii_alphabetic())
        && lead(text)
}

/// Whether a byte that opens a CJK character (E3..E9 in UTF-8) stands among the first
/// [`LEAD_BYTES`] bytes of `text`, a line of at most [`MAX_CHARS`] characters' bytes.
fn lead(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() <= MAX_CHARS * 4
        && b[..b.len().min(LEAD_BYTES)]
            .iter()
            .any(|b| (0xE3..=0xE9).contains(b))
}

/// Where a Chinese field or tool row has its first Chinese character at the latest (after a date
/// and time, a bracket).
const LEAD_BYTES: usize = 48;

/// The labels of a metadata field (source, author, editor, reporter, photographer, date, views).
const FIELD_LABELS: &str = "文章来源|新闻来源|信息来源|本文来源|稿件来源|来源|來源|出处|出處|稿源|\
作者|撰文|供稿|责任编辑|責任編輯|责编|責編|编辑|編輯|记者|記者|通讯员|通訊員|摄影|攝影|\
审核|審核|校对|校對|发布时间|發佈時間|發布時間|发布日期|發佈日期|發布日期|发表时间|發表時間|\
更新时间|更新時間|时间|時間|日期|发布者|發佈者|发布人|发表人|发布单位|浏览次数|瀏覽次數|\
点击数|點擊數|阅读量|閱讀量|浏览|瀏覽";

/// A metadata field opening the line: an optional bracket and date or time first, then a label
/// and a colon, ASCII or full-width.
static FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[\s（(【\[]*(?:[0-9０-９年月日:：\-./| ]+\s*)?(?:{FIELD_LABELS})\s*[:：]"
    ))
    .expect("field pattern")
});

/// A reporter's line: an optional outlet ("本报", "河岸晚报"), the role, then names of two to four
/// characters, and an optional dateline ("发自北京") or "报道".
static REPORTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\s（(]*(?:本报|本台|本刊|本网|本報|本網|\p{Han}{2,6}?)?(?:特约|特約|实习|實習)?(?:记者|記者|通讯员|通訊員|实习生|實習生)[\s、]*(?:[\p{Han}·]{2,4}(?:[\s、]+[\p{Han}·]{2,4})*)?(?:\s*(?:发自|發自)\p{Han}{1,6}|\s*(?:报道|報導|摄|攝))?[\s)）]*$",
    )
    .expect("reporter pattern")
});

/// Whether `text` is a metadata field or a reporter's line of a Chinese page (see the module
/// doc).
pub(super) fn chinese_byline(text: &str) -> bool {
    may_be_chinese(text) && byline_form(text)
}

/// [`chinese_byline`] past the test whether the line may be Chinese.
fn byline_form(text: &str) -> bool {
    let t = text.trim();
    let chars = t.chars().count();
    let sentence = t.contains(['。', '！', '？', '；', '“', '”']);
    !sentence
        && (chars <= MAX_CHARS && FIELD.is_match(t)
            || chars <= MAX_REPORTER_CHARS && REPORTER.is_match(t))
}

/// Whether `text` is a row of article tools of a Chinese page: labels a widget prints alone
/// ([`PROMPT_ALONE`]: "打印", "关闭窗口", "收藏"), several on one line or in brackets. (A
/// text-size control, "字号：大 中 小", is `text_size`'s.)
pub(super) fn chinese_tools(text: &str) -> bool {
    may_be_chinese(text) && tool_row(text)
}

/// [`chinese_tools`] past the test whether the line may be Chinese.
fn tool_row(text: &str) -> bool {
    let t = text.trim();
    if t.chars().count() > MAX_CHARS {
        return false;
    }
    let words: Vec<&str> = t
        .split(|c: char| !is_han(c))
        .filter(|w| !w.is_empty())
        .collect();
    // (Only tool words and brackets, spaces or bars between them: a sentence has others.)
    let others = t
        .chars()
        .filter(|&c| !is_han(c))
        .all(|c| c.is_whitespace() || "【】[]（）()|/·:：-".contains(c));
    !words.is_empty() && others && words.iter().all(|w| PROMPT_ALONE.contains(w))
}

/// A Han character (the CJK Unified Ideographs and their first extension).
fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`chinese_byline`] and [`chinese_tools`] without the first-byte test of
    /// [`may_be_chinese`]: no field, reporter line or tool row opens with an ASCII letter.
    fn plain(text: &str) -> (bool, bool) {
        (
            lead(text) && byline_form(text),
            lead(text) && tool_row(text),
        )
    }

    proptest::proptest! {
        #[test]
        fn the_first_byte_test_changes_nothing(
            text in "(来源|编辑|记者|本报|打印|关闭|收藏|字号|大|王明|海港日报|[a-zA-Z]{1,3}|[0-9]{1,4}|[ :：.（）()【】|]){0,8}"
        ) {
            proptest::prop_assert_eq!((chinese_byline(&text), chinese_tools(&text)), plain(&text));
        }
    }

    #[test]
    fn fields_and_reporters_are_bylines() {
        for line in [
            "来源：海港日报",
            "文章来源：北岸网",
            "（ 责任编辑：李明 ）",
            "编辑：王芳",
            "编辑： 张华  来源： 河岸晚报  作者：陈刚 赵丽",
            "2024.03.05 09:15 来源：北岸网客户端",
            "2024年03月05日09:15 | 来源： 海港日报",
            "發佈時間：2024-03-05",
            "本报记者 李明 王芳 陈刚",
            "本报实习生 赵丽 周强",
            "河岸晚报记者 张华 刘洋",
            "本报记者张华发自上海",
            "記者 陳大文",
        ] {
            assert!(chinese_byline(line), "{line}");
        }
    }

    #[test]
    fn sentences_and_other_lines_are_no_bylines() {
        for line in [
            // A sentence of the article naming a source or a reporter.
            "凡注明“来源：海港日报”的作品，版权均属于本报。",
            "记者了解到，码头上还有十多艘渔船在等待维修。",
            "本报讯 经过港口管理部门的调查，渡轮的发动机故障已经查明。",
            "记者在现场看到，码头上的工人正在装卸货物",
            // A headline; a line in English.
            "渡轮停航三天后谁来负责？",
            "海港城市渡轮服务满意度调查报告",
            "Source: Reuters",
        ] {
            assert!(!chinese_byline(line), "{line}");
        }
    }

    #[test]
    fn tool_rows_are_prompts() {
        for line in [
            "打印 关闭 收藏",
            "【 打印本稿 】",
            "[ 回复本贴 ] [ 跟从标题 ] [ 关闭本窗口 ] [ 刷新 ]",
            "分享让更多人看到",
            "点击看大图",
            "网站声明 网站地图 联系我们",
        ] {
            assert!(chinese_tools(line), "{line}");
        }
        for line in [
            "打印机市场在今年第三季度增长了百分之五",
            "关闭工厂的决定引起了争议",
            "大中小企业",
            "新闻发布会",
            "联系方式：010-12345678",
            "Print | Close",
        ] {
            assert!(!chinese_tools(line), "{line}");
        }
    }
}
