//! Reading the browser's screen, as `screen()` draws it: the query line,
//! the status bar, the selected row, positions such as "1–13/85".

pub fn lines(screen: &str) -> Vec<&str> {
    screen
        .lines()
        .map(|l| l.trim_end_matches('│').trim_end())
        .collect()
}

/// The query line's text ("" when the hint shows).
/// The query as the query line shows it, without the hints on its right.
pub fn query_line(screen: &str) -> String {
    let first = lines(screen)[0];
    let text = first.strip_prefix("Search: ").unwrap_or(first);
    if text.starts_with("keywords  @place") {
        String::new()
    } else {
        text.split("   ").next().unwrap_or_default().to_string()
    }
}

pub fn status(screen: &str) -> String {
    lines(screen).last().copied().unwrap_or("").to_string()
}

/// The number of "Bài NN" in `line`.
pub fn article_number(line: &str) -> Option<u32> {
    let at = line.find("Bài ")?;
    line[at + "Bài ".len()..].get(..2)?.parse().ok()
}

/// The number of the article on the list's selected row.
pub fn selected(screen: &str) -> Option<u32> {
    lines(screen)
        .into_iter()
        .find(|l| l.starts_with('›'))
        .and_then(article_number)
}

/// How many rows of the list show.
pub fn list_rows(screen: &str) -> usize {
    lines(screen)
        .into_iter()
        .skip(1)
        .take_while(|l| l.starts_with('›') || l.starts_with("   "))
        .filter(|l| article_number(l).is_some())
        .count()
}

/// The first "a–b/total" on the screen: the lines of the article or of
/// the help that show.
pub fn span(screen: &str) -> Option<(usize, usize, usize)> {
    for line in lines(screen) {
        for (at, _) in line.match_indices('–') {
            let head: String = line[..at]
                .chars()
                .rev()
                .take_while(char::is_ascii_digit)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let tail = &line[at + '–'.len_utf8()..];
            let mut parts = tail.splitn(2, '/');
            let end: String = parts
                .next()
                .unwrap_or("")
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            let total: String = parts
                .next()
                .unwrap_or("")
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            if let (Ok(a), Ok(b), Ok(t)) = (head.parse(), end.parse(), total.parse()) {
                return Some((a, b, t));
            }
        }
    }
    None
}

/// "Article N/M" of the reading pane's header.
pub fn article_position(screen: &str) -> Option<usize> {
    let line = lines(screen).into_iter().find(|l| l.contains("Article "))?;
    let at = line.find("Article ")? + "Article ".len();
    line[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .ok()
}

/// "match i/n" of the status bar.
pub fn find_match(screen: &str) -> Option<(usize, usize)> {
    let s = status(screen);
    let at = s.find("match ")? + "match ".len();
    let text: String = s[at..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '/')
        .collect();
    let (i, n) = text.split_once('/')?;
    Some((i.parse().ok()?, n.parse().ok()?))
}

/// The selected place in the place picker.
pub fn picked_place(screen: &str) -> Option<String> {
    let line = lines(screen).into_iter().find(|l| l.starts_with("│›"))?;
    let name: String = line["│›".len()..]
        .trim_start()
        .split("  ")
        .next()?
        .to_string();
    Some(name)
}

/// The place picker's filter line.
pub fn place_filter(screen: &str) -> Option<String> {
    let line = lines(screen)
        .into_iter()
        .find(|l| l.starts_with("│ Filter:"))?;
    Some(
        line["│ Filter:".len()..]
            .trim_end_matches('│')
            .trim()
            .to_string(),
    )
}

/// The in-article find line.
pub fn find_line(screen: &str) -> Option<String> {
    status(screen)
        .strip_prefix(" Find in article:")
        .map(|text| text.trim_start().to_string())
}

/// The date picker's line about the chosen year or month.
pub fn date_choice(screen: &str) -> Option<String> {
    lines(screen)
        .into_iter()
        .find(|l| l.contains("   Enter adds"))
        .map(|l| {
            l.trim_start_matches("│ ")
                .split(':')
                .next()
                .unwrap_or("")
                .to_string()
        })
}

pub fn contains(screen: &str, text: &str) -> bool {
    screen.contains(text)
}
