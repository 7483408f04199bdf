//! Helpers shared by the integration tests: third-party emulators and servers started on
//! free loopback ports. A missing emulator fails the test with a hint; nothing skips silently.

#![allow(dead_code)]

pub mod cli;
pub mod dovecot;
pub mod gcs;
pub mod moto;
pub mod s3;

/// Flip every bit of `bytes[offset]` (the last byte when `offset` is past the end); returns
/// the byte it was. Panics on an empty object: there is nothing to corrupt.
pub fn flip(bytes: &mut [u8], offset: usize) -> u8 {
    assert!(!bytes.is_empty(), "flip: the object is empty");
    let i = offset.min(bytes.len() - 1);
    let was = bytes[i];
    bytes[i] = !was;
    was
}

/// [`flip`] one byte of a file in place (no new inode): a `file://` backup's bit rot. A
/// copy made by the storage layer on `file://` is a hard link, so it changes too.
pub fn flip_file_byte(path: &std::path::Path, offset: usize) -> u8 {
    use std::io::{Read, Seek, SeekFrom, Write};
    let mut f = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)
        .unwrap_or_else(|e| panic!("flip_file_byte: {}: {e}", path.display()));
    let len = f.metadata().unwrap().len() as usize;
    assert!(len > 0, "flip_file_byte: {} is empty", path.display());
    let i = offset.min(len - 1) as u64;
    let mut b = [0u8; 1];
    f.seek(SeekFrom::Start(i)).unwrap();
    f.read_exact(&mut b).unwrap();
    f.seek(SeekFrom::Start(i)).unwrap();
    f.write_all(&[!b[0]]).unwrap();
    b[0]
}
