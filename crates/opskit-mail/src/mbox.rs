//! Reading an mbox one message at a time, so a mailbox of any size is parsed in bounded
//! memory. A message starts at a line beginning `From ` at the start of the file or after
//! an empty line (mboxo/mboxrd); mboxrd's `>From ` quoting is undone, and the `From ` line
//! itself (the envelope, not a header) is left out.

use std::io::BufRead;

/// Whether a file's first bytes look like an mbox rather than one message.
pub fn looks_like_mbox(first: &[u8]) -> bool {
    first.starts_with(b"From ")
}

pub struct Mbox<R> {
    reader: R,
    /// The next message's envelope line has been read (the previous message ended there).
    started: bool,
    done: bool,
}

impl<R: BufRead> Mbox<R> {
    pub fn new(reader: R) -> Mbox<R> {
        Mbox { reader, started: false, done: false }
    }
}

/// An envelope line: `From sender Mon Nov 23 00:00:00 2026` (ending in a year), so that an
/// unquoted "From here…" in a body after an empty line is not taken for a boundary.
fn is_envelope(line: &[u8]) -> bool {
    let text = String::from_utf8_lossy(line);
    let text = text.trim_end();
    text.starts_with("From ")
        && text.split_whitespace().count() >= 3
        && text.rsplit(' ').next().is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
}

/// `>From `, `>>From `…: one `>` less (mboxrd).
fn unquote(line: &[u8]) -> &[u8] {
    let gts = line.iter().take_while(|b| **b == b'>').count();
    if gts > 0 && line[gts..].starts_with(b"From ") { &line[1..] } else { line }
}

impl<R: BufRead> Iterator for Mbox<R> {
    type Item = std::io::Result<Vec<u8>>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let mut message = Vec::new();
        let mut line = Vec::new();
        let mut previous_blank = true;
        loop {
            line.clear();
            match self.reader.read_until(b'\n', &mut line) {
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
                Ok(0) => {
                    self.done = true;
                    // The blank line before the next envelope belongs to the format.
                    if message.ends_with(b"\n\n") {
                        message.pop();
                    }
                    return (self.started || !message.is_empty()).then_some(Ok(message));
                }
                Ok(_) => {}
            }
            if previous_blank && is_envelope(&line) {
                if !self.started {
                    self.started = true;
                    continue;
                }
                if message.ends_with(b"\n\n") {
                    message.pop();
                }
                return Some(Ok(message));
            }
            let trimmed = line.strip_suffix(b"\n").unwrap_or(&line);
            let trimmed = trimmed.strip_suffix(b"\r").unwrap_or(trimmed);
            previous_blank = trimmed.is_empty();
            message.extend_from_slice(unquote(&line));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_messages_undoes_quoting_and_keeps_bodies_whole() {
        let mbox = b"From a@example.com Mon Nov 23 00:00:00 2026\nSubject: one\n\nbody\n>From the top\n\nFrom b@example.com Mon Nov 23 00:00:01 2026\nSubject: two\n\nFrom here is not a boundary\nend\n";
        let msgs: Vec<Vec<u8>> = Mbox::new(&mbox[..]).map(Result::unwrap).collect();
        assert_eq!(msgs.len(), 2);
        assert_eq!(String::from_utf8_lossy(&msgs[0]), "Subject: one\n\nbody\nFrom the top\n");
        assert_eq!(String::from_utf8_lossy(&msgs[1]), "Subject: two\n\nFrom here is not a boundary\nend\n");
        assert!(Mbox::new(&b""[..]).next().is_none());
        assert!(looks_like_mbox(mbox) && !looks_like_mbox(b"Subject: x"));
    }
}
