//! The widget's stylesheet as shipped: build.rs (which compiles this file by path) writes
//! src/web/widget.css without its comments and without the whitespace CSS does not need, so the
//! wasm carries neither.

/// `css` without comments, with each run of whitespace made one space and none kept next to
/// `{`, `}`, `;` or `,`, or after `:`; quoted strings (without escaped quotes) are kept as written. A space between other
/// tokens stays: it can be a descendant combinator (`.tip .label`, `.tip :hover`) or part of a
/// value (`calc(100% - 8px)`).
pub fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut space = false;
    let mut chars = css.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '/' && chars.peek() == Some(&'*') {
            chars.next();
            let mut last = ' ';
            for c in chars.by_ref() {
                if last == '*' && c == '/' {
                    break;
                }
                last = c;
            }
            // Not whitespace: `.a/* */.b` is `.a.b`.
            continue;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let tight = |c: char| matches!(c, '{' | '}' | ';' | ',');
        if space && !out.is_empty() && !tight(c) && !out.ends_with(|c| tight(c) || c == ':') {
            out.push(' ');
        }
        space = false;
        // A declaration block's last `;` is not needed.
        if c == '}' && out.ends_with(';') {
            out.pop();
        }
        out.push(c);
        if c == '"' || c == '\'' {
            for inner in chars.by_ref() {
                out.push(inner);
                if inner == c {
                    break;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::minify;

    #[test]
    fn drops_comments_and_needless_whitespace() {
        let css = "/* a note */\n:host { display: block;\n  color: #1a1a1a; }\n/* one\n   more */\nth, td { padding: 4px 8px; }\n";
        assert_eq!(minify(css), ":host{display:block;color:#1a1a1a}th,td{padding:4px 8px}");
    }

    #[test]
    fn keeps_the_spaces_that_mean_something() {
        assert_eq!(minify(".tip  .label, .tip :hover { x: 1 }"), ".tip .label,.tip :hover{x:1}");
        assert_eq!(minify(".a/* x */.b, .c /* y */ .d { x: 1 }"), ".a.b,.c .d{x:1}");
        assert_eq!(minify(".a { max-width: min(340px, calc(100% - 8px)); }"), ".a{max-width:min(340px,calc(100% - 8px))}");
        assert_eq!(minify("@media (prefers-color-scheme: dark) {\n  :host { color: #eee; }\n}\n"), "@media (prefers-color-scheme:dark){:host{color:#eee}}");
        assert_eq!(minify(".b[aria-label=\"a  ;  b\"] { content: '/* not a comment */'; }"), ".b[aria-label=\"a  ;  b\"]{content:'/* not a comment */'}");
    }

    #[test]
    fn the_widget_stylesheet_keeps_every_rule() {
        let css = include_str!("web/widget.css");
        let min = minify(css);
        assert!(min.len() < css.len() * 4 / 5, "{} of {} bytes", min.len(), css.len());
        assert!(!min.contains("/*") && !min.contains('\n'));
        // As many rules and declarations as written.
        let count = |s: &str, c: char| s.chars().filter(|&x| x == c).count();
        assert_eq!(count(&min, '{'), count(css, '{'));
        assert_eq!(count(&min, '}'), count(css, '}'));
        assert_eq!(count(&min, ':'), count(css, ':') - comment_colons(css));
        assert_eq!(min.matches("FONT_FAMILY").count(), 1);
    }

    fn comment_colons(css: &str) -> usize {
        css.split("/*").skip(1).map(|c| c.split("*/").next().unwrap_or("").matches(':').count()).sum()
    }
}
